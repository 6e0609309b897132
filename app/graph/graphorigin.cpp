// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/graphorigin.h"

#include <QHostAddress>

namespace stocktake::graph {

namespace {

int effectivePort(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return url.port(scheme == QLatin1StringView("https") ? 443 : (scheme == QLatin1StringView("http") ? 80 : -1));
}

}  // namespace

GraphOrigin::GraphOrigin(const QUrl &root)
    : m_scheme(root.scheme().toLower())
    , m_host(root.host().toLower())
    , m_port(effectivePort(root))
    , m_valid(isAcceptableRoot(root))
{ }

bool GraphOrigin::isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1StringView("localhost"), Qt::CaseInsensitive) == 0) {
        return true;
    }
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool GraphOrigin::isAcceptableDownload(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty()) {
        return false;
    }
    const QString scheme = url.scheme().toLower();
    return scheme == QLatin1StringView("https") || (scheme == QLatin1StringView("http") && isLoopbackHost(url.host()));
}

bool GraphOrigin::isAcceptableRoot(const QUrl &root)
{
    return isAcceptableDownload(root) && !root.hasFragment() && !root.hasQuery();
}

bool GraphOrigin::contains(const QUrl &url) const
{
    if (!m_valid || !url.isValid() || !url.userInfo().isEmpty()) {
        return false;
    }
    return url.scheme().toLower() == m_scheme && url.host().toLower() == m_host && effectivePort(url) == m_port;
}

QString GraphOrigin::originOf(const QUrl &url)
{
    return QStringLiteral("%1://%2:%3").arg(url.scheme().toLower(), url.host().toLower()).arg(effectivePort(url));
}

QString GraphOrigin::toString() const
{
    return QStringLiteral("%1://%2:%3").arg(m_scheme, m_host).arg(m_port);
}

}  // namespace stocktake::graph
