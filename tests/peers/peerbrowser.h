// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/urlopener.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

#include <functional>

namespace stocktake::testing {

/// Plays the user and the browser against oidc-provider's development interactions with plain
/// HTTP and a cookie jar (SECURITY.md §3.3): logs in as "alice" with any password, gives consent,
/// confirms or aborts a device code. As a UrlOpener it drives the authorization request to its
/// redirect and delivers that to the app's loopback listener; hooks can alter the request or
/// the callback.
class PeerBrowser final : public auth::UrlOpener {
public:
    struct Page {
        int status = 0;
        QUrl url;
        QUrl location;
        QByteArray body;
    };

    PeerBrowser() { m_nam.setCookieJar(new QNetworkCookieJar(&m_nam)); }

    [[nodiscard]] bool open(const QUrl &url) override
    {
        opened.append(url);
        // Never drive the flow from inside the flow's own call: do it from the event loop.
        QTimer::singleShot(0, &m_nam, [this, url] {
            const QUrl target = tamperAuthorizeUrl ? tamperAuthorizeUrl(url) : url;
            const QUrl redirectUri(QUrlQuery(url).queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
            Page page = request("GET", target);
            for (int step = 0; step < 20; ++step) {
                if (page.status >= 300 && page.status < 400) {
                    const QUrl next = page.url.resolved(page.location);
                    if (next.host() == redirectUri.host() && next.port() == redirectUri.port()) {
                        lastCallback = tamperCallback ? tamperCallback(next) : next;
                        callbackStatus = request("GET", lastCallback).status;
                        return;
                    }
                    page = request("GET", next);
                } else if (page.status == 200 && page.url.path().contains(QLatin1StringView("/interaction/"))) {
                    page = interact(page);
                } else {
                    return;  // an error page: the app's time-out ends the flow
                }
            }
        });
        return true;
    }

    /// Enters `userCode` at the device verification page and confirms it (or aborts), then logs
    /// in and consents. Returns the final page.
    Page confirmDevice(const QUrl &verificationUri, const QString &userCode, bool abort = false)
    {
        Page page = request("GET", verificationUri);
        QByteArray xsrf = field(page.body, "xsrf");
        page = request("POST", page.url, form({{"xsrf", xsrf}, {"user_code", userCode.toUtf8()}}));
        if (const QByteArray again = field(page.body, "xsrf"); !again.isEmpty())
            xsrf = again;
        page = request("POST", page.url,
            form({{"xsrf", xsrf}, {"user_code", userCode.toUtf8()}, {abort ? "abort" : "confirm", "yes"}}));
        for (int step = 0; step < 20; ++step) {
            if (page.status >= 300 && page.status < 400)
                page = request("GET", page.url.resolved(page.location));
            else if (page.status == 200 && page.url.path().contains(QLatin1StringView("/interaction/")))
                page = interact(page);
            else
                break;
        }
        return page;
    }

    std::function<QUrl(const QUrl &)> tamperAuthorizeUrl;
    std::function<QUrl(const QUrl &)> tamperCallback;
    QList<QUrl> opened;
    QUrl lastCallback;
    int callbackStatus = 0;

private:
    static QByteArray form(const QList<QPair<QByteArray, QByteArray>> &fields)
    {
        QByteArray out;
        for (const auto &[name, value] : fields) {
            if (!out.isEmpty())
                out += '&';
            out += name + '=' + value.toPercentEncoding();
        }
        return out;
    }

    /// The value of the hidden input `name` in an HTML form.
    static QByteArray field(const QByteArray &html, const char *name)
    {
        const QRegularExpression input(
            QStringLiteral(R"re(<input[^>]*name="%1"[^>]*value="([^"]*)")re").arg(QLatin1StringView(name)));
        return input.match(QString::fromUtf8(html)).captured(1).toUtf8();
    }

    /// Submits oidc-provider's development login or consent form.
    Page interact(const Page &page)
    {
        const QString html = QString::fromUtf8(page.body);
        const QString action
            = QRegularExpression(QStringLiteral(R"re(<form[^>]*action="([^"]+)")re")).match(html).captured(1);
        const QUrl target = page.url.resolved(QUrl(action.isEmpty() ? page.url.path() : action));
        if (html.contains(QLatin1StringView("name=\"login\"")))
            return request("POST", target, form({{"prompt", "login"}, {"login", "alice"}, {"password", "any"}}));
        return request("POST", target, form({{"prompt", "consent"}}));
    }

    Page request(const QByteArray &method, const QUrl &url, const QByteArray &body = {})
    {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        if (method == "POST")
            request.setHeader(
                QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        loop.exec();
        Page page;
        page.url = url;
        page.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        page.location = QUrl::fromEncoded(reply->rawHeader("Location"));
        page.body = reply->readAll();
        delete reply;
        return page;
    }

    QNetworkAccessManager m_nam;
};

}  // namespace stocktake::testing
