// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/urlopener.h"

#include "auth/identityhttp.h"

#include <QProcess>

namespace stocktake::auth {

bool SystemUrlOpener::open(const QUrl &url)
{
    // Only web addresses: an opener program would also run file: or custom-scheme URLs.
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1StringView("https") && scheme != QLatin1StringView("http")))
        return false;
    const QString target = url.toString(QUrl::FullyEncoded);
#if defined(Q_OS_WIN)
    const bool started
        = QProcess::startDetached(QStringLiteral("rundll32"), {QStringLiteral("url.dll,FileProtocolHandler"), target});
#elif defined(Q_OS_MACOS)
    const bool started = QProcess::startDetached(QStringLiteral("open"), {target});
#else
    const bool started = QProcess::startDetached(QStringLiteral("xdg-open"), {target});
#endif
    qCDebug(lcAuth) << "browser opener started:" << started;
    return started;
}

}  // namespace stocktake::auth
