// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tenantsim.h"

#include "loopbackprocess.h"

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
    QByteArray output;
    m_port = waitForListeningPort(m_process, kStartTimeoutMs, &output);
    if (m_port != 0)
        return;
    m_error = QStringLiteral("tenant-sim did not start: %1").arg(QString::fromUtf8(output));
}

TenantSim::~TenantSim()
{
    stop();
}

int TenantSim::stop()
{
    return stopWithSigterm(m_process, kStopTimeoutMs);
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
