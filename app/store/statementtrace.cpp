// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "statementtrace.h"

#include <QMutexLocker>

#include <cctype>

namespace stocktake::store {

int StatementTrace::newConnection()
{
    QMutexLocker lock(&m_mutex);
    m_counts.append(0);
    return static_cast<int>(m_counts.size()) - 1;
}

void StatementTrace::record(int connection, const char *sql)
{
    QString text = redacted(sql);
    QMutexLocker lock(&m_mutex);
    if (connection < 0 || connection >= m_counts.size() || m_counts[connection] >= m_limit)
        return;
    ++m_counts[connection];
    m_entries.append(Entry {connection, std::move(text)});
}

QList<StatementTrace::Entry> StatementTrace::entries() const
{
    QMutexLocker lock(&m_mutex);
    return m_entries;
}

QStringList StatementTrace::statementsOf(int connection) const
{
    QMutexLocker lock(&m_mutex);
    QStringList out;
    for (const Entry &entry : m_entries) {
        if (entry.connection == connection)
            out.append(entry.statement);
    }
    return out;
}

int StatementTrace::connectionCount() const
{
    QMutexLocker lock(&m_mutex);
    return static_cast<int>(m_counts.size());
}

QString StatementTrace::redacted(const char *sql)
{
    // Decided on the raw bytes, before any QString exists: a keyed statement never becomes a
    // QString at all, only its verb does.
    const char *p = sql ? sql : "";
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        ++p;
    const auto startsWithWord = [](const char *s, const char *word) {
        for (; *word; ++s, ++word) {
            if (std::tolower(static_cast<unsigned char>(*s)) != *word)
                return false;
        }
        return true;
    };
    if (startsWithWord(p, "pragma")) {
        const char *q = p + 6;
        while (*q == ' ' || *q == '\t')
            ++q;
        const char *name = q;
        while (std::isalnum(static_cast<unsigned char>(*q)) || *q == '_' || *q == '.')
            ++q;
        const QByteArray pragma = QByteArray(name, q - name).toLower();
        if (pragma.endsWith("key"))  // key, rekey, main.key, hexkey, hexrekey, textkey
            return QStringLiteral("PRAGMA %1 = <redacted>").arg(QString::fromLatin1(pragma));
    }
    if (startsWithWord(p, "attach")) {
        for (const char *q = p; *q; ++q) {
            if (startsWithWord(q, " key"))
                return QStringLiteral("ATTACH … KEY <redacted>");
        }
    }
    return QString::fromUtf8(p).simplified();
}

}  // namespace stocktake::store
