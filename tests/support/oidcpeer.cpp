// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "oidcpeer.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QStandardPaths>

#include <csignal>

namespace stocktake::testing {

namespace {
constexpr int kStartTimeoutMs = 60000;
constexpr int kStopTimeoutMs = 10000;
}  // namespace

OidcPeer::OidcPeer(const QStringList &extraArguments)
{
    const QString peers = QStringLiteral(STOCKTAKE_PEERS_DIR);
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty()) {
        m_error = QStringLiteral("node is not installed: run scripts/setup");
        return;
    }
    if (!QDir(peers).exists(QStringLiteral("node_modules/oidc-provider/package.json"))) {
        m_error = QStringLiteral("oidc-provider is not installed in %1: run scripts/setup (npm ci)").arg(peers);
        return;
    }
    QStringList arguments {QDir(peers).filePath(QStringLiteral("oidc-peer.mjs")), QStringLiteral("--tenant"), tenant(),
        QStringLiteral("--poll-log"), pollLogPath()};
    arguments += extraArguments;
    m_process.setWorkingDirectory(peers);
    m_process.setStandardErrorFile(m_dir.filePath(QStringLiteral("peer.err")));
    m_process.start(node, arguments);
    const QDeadlineTimer deadline(kStartTimeoutMs);
    QByteArray output;
    while (!deadline.hasExpired() && m_process.state() != QProcess::NotRunning) {
        m_process.waitForReadyRead(100);
        output += m_process.readAllStandardOutput();
        const qsizetype at = output.indexOf("listening on http://127.0.0.1:");
        const qsizetype eol = at >= 0 ? output.indexOf('\n', at) : -1;
        if (eol > at) {
            m_port = static_cast<quint16>(output.mid(at + 30, eol - at - 30).trimmed().toUInt());
            return;
        }
    }
    m_error = QStringLiteral("oidc-peer did not start: %1 %2").arg(QString::fromUtf8(output), errorOutput());
}

OidcPeer::~OidcPeer()
{
    stop();
}

int OidcPeer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    ::kill(static_cast<pid_t>(m_process.processId()), SIGTERM);
    if (!m_process.waitForFinished(kStopTimeoutMs)) {
        m_process.kill();
        m_process.waitForFinished();
        return -1;
    }
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

QUrl OidcPeer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

QString OidcPeer::pollLogPath() const
{
    return m_dir.filePath(QStringLiteral("polls.jsonl"));
}

QString OidcPeer::errorOutput() const
{
    QFile file(m_dir.filePath(QStringLiteral("peer.err")));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

}  // namespace stocktake::testing
