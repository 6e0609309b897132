// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "oidcpeer.h"

#include "loopbackprocess.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

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
    QByteArray output;
    m_port = waitForListeningPort(m_process, kStartTimeoutMs, &output);
    if (m_port != 0)
        return;
    m_error = QStringLiteral("oidc-peer did not start: %1 %2").arg(QString::fromUtf8(output), errorOutput());
}

OidcPeer::~OidcPeer()
{
    stop();
}

int OidcPeer::stop()
{
    return stopWithSigterm(m_process, kStopTimeoutMs);
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
