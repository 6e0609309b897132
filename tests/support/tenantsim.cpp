// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tenantsim.h"

#include <QDeadlineTimer>

#include <csignal>

namespace stocktake::testing {

namespace {
constexpr int kStartTimeoutMs = 120000;
constexpr int kStopTimeoutMs = 10000;
}  // namespace

TenantSim::TenantSim(const QStringList &extraArguments)
{
    QStringList arguments {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--request-log"),
        requestLogPath(), QStringLiteral("--truth"), truthPath()};
    arguments += extraArguments;
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(QStringLiteral(STOCKTAKE_TENANT_SIM_PATH), arguments);
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
    m_error = QStringLiteral("tenant-sim did not start: %1").arg(QString::fromUtf8(output));
}

TenantSim::~TenantSim()
{
    stop();
}

int TenantSim::stop()
{
    if (m_process.state() == QProcess::NotRunning) {
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }
    ::kill(static_cast<pid_t>(m_process.processId()), SIGTERM);
    if (!m_process.waitForFinished(kStopTimeoutMs)) {
        m_process.kill();
        m_process.waitForFinished();
        return -1;
    }
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

QUrl TenantSim::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

QString TenantSim::requestLogPath() const
{
    return m_dir.filePath(QStringLiteral("requests.jsonl"));
}

QString TenantSim::truthPath() const
{
    return m_dir.filePath(QStringLiteral("truth.json"));
}

}  // namespace stocktake::testing
