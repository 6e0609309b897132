// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/statement.h"

#include "store/database.h"

#include <sqlite3.h>

#include <cstring>
#include <utility>

namespace stocktake::store {

Statement::Statement(const Database &db, const QString &sql)
    : m_db(db.handle())
{
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v3(m_db, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr)
        != SQLITE_OK) {
        fail();
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
        return;
    }
    m_text.resize(std::size_t(sqlite3_bind_parameter_count(m_stmt)));
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_text(std::move(other.m_text))
    , m_error(std::move(other.m_error))
{ }

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_text = std::move(other.m_text);
        m_error = std::move(other.m_error);
    }
    return *this;
}

void Statement::bind(int index, const QString &text)
{
    if (!m_stmt)
        return;
    if (index < 0 || std::size_t(index) >= m_text.size())
        return bound(SQLITE_RANGE, index);
    QByteArray &utf8 = m_text[std::size_t(index)];
    utf8 = text.toUtf8();
    // SQLITE_STATIC: the bytes live in m_text until this index is bound again.
    bound(sqlite3_bind_text(m_stmt, index + 1, utf8.constData(), int(utf8.size()), SQLITE_STATIC), index);
}

void Statement::bind(int index, const std::optional<QString> &text)
{
    if (text)
        bind(index, *text);
    else
        bindNull(index);
}

void Statement::bindBytes(int index, std::string_view bytes, bool blob)
{
    if (!m_stmt)
        return;
    if (index < 0 || std::size_t(index) >= m_text.size())
        return bound(SQLITE_RANGE, index);
    QByteArray &kept = m_text[std::size_t(index)];
    kept.resize(qsizetype(bytes.size()));  // a shorter value keeps the capacity
    if (!bytes.empty())
        std::memcpy(kept.data(), bytes.data(), bytes.size());
    const int rc = blob ? sqlite3_bind_blob(m_stmt, index + 1, kept.constData(), int(kept.size()), SQLITE_STATIC)
                        : sqlite3_bind_text(m_stmt, index + 1, kept.constData(), int(kept.size()), SQLITE_STATIC);
    bound(rc, index);
}

void Statement::bindUtf8(int index, std::string_view text)
{
    bindBytes(index, text, false);
}

void Statement::bindBlob(int index, std::string_view bytes)
{
    bindBytes(index, bytes, true);
}

void Statement::bindUtf8(int index, const std::optional<std::string_view> &text)
{
    if (text)
        bindUtf8(index, *text);
    else
        bindNull(index);
}

void Statement::bind(int index, qint64 value)
{
    if (m_stmt)
        bound(sqlite3_bind_int64(m_stmt, index + 1, value), index);
}

void Statement::bind(int index, const std::optional<qint64> &value)
{
    if (value)
        bind(index, *value);
    else
        bindNull(index);
}

void Statement::bind(int index, const std::optional<bool> &value)
{
    if (value)
        bind(index, qint64 {*value ? 1 : 0});
    else
        bindNull(index);
}

void Statement::bindNull(int index)
{
    if (m_stmt)
        bound(sqlite3_bind_null(m_stmt, index + 1), index);
}

void Statement::bound(int rc, int index)
{
    if (rc != SQLITE_OK && m_bindError.isEmpty())
        m_bindError = QStringLiteral("binding value %1: %2").arg(index).arg(QString::fromUtf8(sqlite3_errstr(rc)));
}

bool Statement::exec()
{
    if (!m_stmt) {
        if (m_error.isEmpty())
            m_error = QStringLiteral("no statement");
        return false;
    }
    if (!m_bindError.isEmpty()) {
        // A value that could not be bound would be written as NULL or as the previous row's.
        m_error = std::exchange(m_bindError, {});
        return false;
    }
    int rc = SQLITE_ROW;
    while (rc == SQLITE_ROW)
        rc = sqlite3_step(m_stmt);
    if (rc != SQLITE_DONE) {
        fail();
        sqlite3_reset(m_stmt);
        return false;
    }
    sqlite3_reset(m_stmt);
    return true;
}

qint64 Statement::changes() const
{
    return m_db ? sqlite3_changes64(m_db) : 0;
}

qint64 Statement::lastInsertRowId() const
{
    return m_db ? sqlite3_last_insert_rowid(m_db) : 0;
}

void Statement::fail()
{
    m_error = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("no connection");
}

}  // namespace stocktake::store
