// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QLoggingCategory>
#include <QUrl>

#include <chrono>
#include <functional>
#include <utility>

class QNetworkAccessManager;
class QNetworkReply;

namespace stocktake::auth {

Q_DECLARE_LOGGING_CATEGORY(lcAuth)

/// An HTTP answer of an identity endpoint. The body may hold tokens: the receiver wipes it.
struct HttpReply {
    int status = 0;
    QByteArray body;
};

/// HTTP for the identity endpoints: TLS 1.2 or later with the system trust store, redirects never
/// followed (RFC 9700 §4.12: a 307 would carry the code or refresh token on), no cookies, nothing
/// cached, a transfer timeout and a body cap. A reply that has an HTTP status is an HttpReply
/// whatever the status; no reply at all (refused, timed out, TLS failure) is auth.network (exit 4).
class IdentityHttp {
public:
    static constexpr qint64 kMaxBodyBytes = 1024 * 1024;
    using Done = std::function<void(core::Result<HttpReply>)>;
    using FormField = std::pair<QByteArray, QByteArrayView>;

    IdentityHttp(QNetworkAccessManager &network, std::chrono::milliseconds timeout);

    /// Starts a GET; `done` is called once, later, unless the reply is destroyed first.
    QNetworkReply *get(const QUrl &url, Done done);
    /// Starts a POST of an application/x-www-form-urlencoded body; the caller wipes `form`.
    QNetworkReply *postForm(const QUrl &url, const QByteArray &form, Done done);

    /// `name=value&…` with every byte outside RFC 3986's unreserved set percent-encoded, so
    /// `+`, `&` and `=` inside a code or token survive any form decoder.
    [[nodiscard]] static QByteArray formEncode(const QList<FormField> &fields);
    /// https, or http on a loopback host (127.0.0.0/8, ::1, localhost); no user info, no fragment.
    [[nodiscard]] static bool isAcceptableEndpoint(const QUrl &url);
    [[nodiscard]] static bool isLoopbackHost(const QString &host);
    /// scheme://host:port with the default port filled in, for comparing origins and for logs.
    [[nodiscard]] static QString originOf(const QUrl &url);

private:
    QNetworkReply *track(QNetworkReply *reply, const QUrl &url, Done done);

    QNetworkAccessManager &m_network;
    std::chrono::milliseconds m_timeout;
};

}  // namespace stocktake::auth
