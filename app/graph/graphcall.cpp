// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/graphcall.h"

#include "graph/grapherror.h"
#include "graph/tokensource.h"

#include <QFutureWatcher>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPromise>
#include <QSslConfiguration>
#include <QThreadPool>
#include <QUuid>

#include <optional>

namespace stocktake::graph {

using namespace std::chrono_literals;

namespace {

bool isRetryableStatus(int status)
{
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

bool isTransientNetworkError(QNetworkReply::NetworkError e)
{
    switch (e) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProtocolFailure:
    case QNetworkReply::HostNotFoundError:
        return true;
    default:
        return false;
    }
}

/// A body shorter than the Content-Length its answer announced: cut short, whatever the
/// transport said. Only for an uncompressed body, whose length is the one announced (Qt 6.4
/// keeps Content-Encoding on a reply it decompressed and drops its Content-Length).
bool cutShort(const QList<QPair<QByteArray, QByteArray>> &headers, qint64 received)
{
    std::optional<qint64> announced;
    for (const auto &[name, value] : headers) {
        if (name.compare("Content-Encoding", Qt::CaseInsensitive) == 0
            && value.trimmed().compare("identity", Qt::CaseInsensitive) != 0)
            return false;
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            bool ok = false;
            const qint64 length = value.trimmed().toLongLong(&ok);
            if (ok)
                announced = length;
        }
    }
    return announced && received < *announced;
}

}  // namespace

GraphCall::GraphCall(GraphClient &client, quint64 id, GraphRequest request, GraphClient::Callback done)
    : m_client(client)
    , m_id(id)
    , m_request(std::move(request))
    , m_done(std::move(done))
    , m_url(m_request.url)
{
    m_waitTimer.setSingleShot(true);
    // A coarse timer may fire up to 5 % early; a retry must never come before Retry-After.
    m_waitTimer.setTimerType(Qt::PreciseTimer);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        if (QNetworkReply *reply = m_reply.data(); reply != nullptr) {
            m_abort = Abort::Deadline;
            reply->abort();
        } else {
            // Still waiting for the token source: it must not hold the request (and its slot) forever.
            finish(GraphError::timeout(m_request.what, m_client.m_options.requestDeadline.count()));
        }
    });
}

GraphCall::~GraphCall()
{
    dropReply();
}

QString GraphCall::pathForLog() const
{
    return m_anonymous ? QStringLiteral("(report download)") : m_url.path();
}

qint64 GraphCall::bodyCap() const
{
    return m_request.maxBodyBytes.value_or(m_client.m_options.json.maxBytes);
}

void GraphCall::start()
{
    if (m_finished) {
        return;
    }
    // D3: the token goes only to the Graph origin; a link anywhere else fails before any socket.
    if (!m_client.m_origin.isValid()) {
        finish(GraphError::insecureUrl(GraphOrigin::originOf(m_client.m_options.graphRoot)));
        return;
    }
    if (!m_client.m_origin.contains(m_url)) {
        finish(GraphError::foreignOrigin(m_request.what, GraphOrigin::originOf(m_url)));
        return;
    }
    enterQueue();
}

void GraphCall::enterQueue()
{
    m_client.acquireSlot(m_id, GraphOrigin::originOf(m_url), m_request.background);
}

void GraphCall::onSlot()
{
    // The client marked the slot as ours when it granted it (m_holdsSlot, m_slotHost).
    if (m_finished) {
        releaseSlot();
        return;
    }
    if (!m_anonymous && m_client.m_options.pacing && m_request.budget != Budget::None) {
        const auto wait = m_client.pacer(m_request.budget).tryAcquire(m_request.cost);
        if (wait > 0ms) {
            // Give the slot to someone whose budget has room, and come back when ours has.
            releaseSlot();
            m_waitTimer.disconnect();
            connect(&m_waitTimer, &QTimer::timeout, this, &GraphCall::enterQueue);
            m_waitTimer.start(wait);
            return;
        }
    }
    if (m_anonymous) {
        sendWith(nullptr);
        return;
    }
    if (!m_freshToken.isEmpty()) {
        secrets::SecretBytes token = std::move(m_freshToken);
        sendWith(&token);
        return;
    }
    m_deadline.start(m_client.m_options.requestDeadline);
    QPointer<GraphCall> self(this);
    m_client.m_tokens.accessToken([self](core::Result<secrets::SecretBytes> token) {
        GraphCall *call = self.data();
        if (call == nullptr || call->m_finished) {
            return;
        }
        if (!token.ok()) {
            call->releaseSlot();
            call->finish(token.error());
            return;
        }
        call->sendWith(&token.value());
    });
}

void GraphCall::sendWith(const secrets::SecretBytes *token)
{
    const auto &opts = m_client.m_options;
    QNetworkRequest req(m_url);
    req.setTransferTimeout(static_cast<int>(opts.stallTimeout.count()));
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, true);
    req.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    req.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    // With a bearer token every redirect is judged here (same origin or refused); the anonymous
    // report download may follow redirects that never go from https to http.
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
        m_anonymous ? QNetworkRequest::NoLessSafeRedirectPolicy : QNetworkRequest::ManualRedirectPolicy);
    req.setMaximumRedirectsAllowed(opts.maxRedirects);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    req.setSslConfiguration(tls);
    req.setRawHeader(QByteArrayLiteral("Accept"),
        m_request.expectJson ? QByteArrayLiteral("application/json") : QByteArrayLiteral("*/*"));
    if (!m_anonymous) {
        req.setRawHeader(QByteArrayLiteral("client-request-id"), QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
        for (const auto &[name, value] : std::as_const(m_request.headers)) {
            req.setRawHeader(name, value);
        }
        if (m_request.lowPriority || m_request.background) {
            req.setRawHeader(QByteArrayLiteral("x-ms-throttle-priority"), QByteArrayLiteral("Low"));
        }
    }
    QByteArray authorization;
    if (token != nullptr) {
        authorization.reserve(static_cast<qsizetype>(token->size()) + 7);
        authorization.append("Bearer ");
        authorization.append(token->view());
        req.setRawHeader(QByteArrayLiteral("Authorization"), authorization);
    }
    const bool post = m_request.method == "POST" && !m_anonymous;
    if (post) {
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    }
    m_body.clear();
    m_abort = Abort::None;
    ++m_client.m_stats.requests;
    if (!m_request.counter.isEmpty())
        ++m_client.m_stats.requestsBy[m_request.counter];
    QNetworkReply *reply = post ? m_client.m_nam->post(req, m_request.body) : m_client.m_nam->get(req);
    // Qt keeps its own copy of the header inside the request it sends; ours is wiped now.
    req = QNetworkRequest();
    secrets::SecretBytes::wipe(authorization);
    m_reply = reply;
    connect(reply, &QNetworkReply::metaDataChanged, this, &GraphCall::onMetaData);
    connect(reply, &QNetworkReply::readyRead, this, &GraphCall::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &GraphCall::onFinished);
    m_deadline.start(opts.requestDeadline);
}

void GraphCall::onMetaData()
{
    QNetworkReply *reply = m_reply.data();
    if (reply == nullptr) {
        return;
    }
    const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
    if (length.isValid() && length.toLongLong() > bodyCap()) {
        m_abort = Abort::TooLarge;
        reply->abort();
        return;
    }
    if (length.isValid() && length.toLongLong() > 0)
        m_body.reserve(length.toLongLong());  // one buffer for the page, not a chain of reallocations
}

void GraphCall::onReadyRead()
{
    QNetworkReply *reply = m_reply.data();
    if (reply == nullptr) {
        return;
    }
    m_body.append(reply->readAll());
    if (m_body.size() > bodyCap()) {
        m_abort = Abort::TooLarge;
        reply->abort();
    }
}

void GraphCall::dropReply()
{
    if (QNetworkReply *reply = m_reply.data(); reply != nullptr) {
        m_reply = nullptr;
        reply->disconnect(this);
        if (reply->isRunning()) {
            reply->abort();
        }
        reply->deleteLater();
    }
}

void GraphCall::releaseSlot()
{
    if (m_holdsSlot) {
        m_holdsSlot = false;
        m_client.releaseSlot(m_slotHost, m_request.background);
    }
}

void GraphCall::onFinished()
{
    QNetworkReply *reply = m_reply.data();
    if (reply == nullptr || m_finished) {
        return;
    }
    m_deadline.stop();
    if (reply->bytesAvailable() > 0 && m_abort == Abort::None) {
        m_body.append(reply->readAll());
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError netError = reply->error();
    const QString errorText = reply->errorString();
    QList<QPair<QByteArray, QByteArray>> headers = reply->rawHeaderPairs();
    const QUrl location = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
    const QByteArray retryAfter = reply->rawHeader(QByteArrayLiteral("Retry-After"));
    const QUrl finalUrl = reply->url();
    dropReply();
    releaseSlot();
    m_client.m_stats.bytes += m_body.size();
    // Path only: queries may carry $filter values, and nothing here may hold a token.
    qCDebug(lcGraph, "%s %s -> HTTP %d (transport %d) %lld bytes", m_request.method.constData(),
        qPrintable(pathForLog()), status, static_cast<int>(status == 0 ? netError : QNetworkReply::NoError),
        static_cast<long long>(m_body.size()));

    if (m_abort == Abort::TooLarge) {
        finish(GraphError::bodyTooLarge(std::max<qint64>(m_body.size(), bodyCap() + 1), bodyCap()));
        return;
    }
    if (m_abort == Abort::Deadline) {
        finish(GraphError::timeout(m_request.what, m_client.m_options.requestDeadline.count()));
        return;
    }
    if (status == 0) {
        if (netError == QNetworkReply::OperationCanceledError || netError == QNetworkReply::TimeoutError) {
            // Nobody here aborted it: that is Qt's transfer timeout (a stall).
            finish(GraphError::timeout(m_request.what, m_client.m_options.stallTimeout.count()));
            return;
        }
        if (netError == QNetworkReply::SslHandshakeFailedError || netError == QNetworkReply::InsecureRedirectError) {
            finish(GraphError::tls(m_request.what, errorText));
            return;
        }
        if (isTransientNetworkError(netError) && m_retries < m_client.m_options.retry.budget) {
            retryLater(0, m_client.m_options.retry.backoff(m_retries + 1, m_client.m_random));
            return;
        }
        finish(GraphError::network(m_request.what, QStringLiteral("%1: %2").arg(pathForLog(), errorText)));
        return;
    }
    if (status >= 300 && status < 400 && location.isValid()) {
        m_body.clear();
        const bool fromHttps = finalUrl.scheme().compare(QLatin1StringView("https"), Qt::CaseInsensitive) == 0;
        m_url = finalUrl.resolved(location);
        if (fromHttps && m_url.scheme().compare(QLatin1StringView("https"), Qt::CaseInsensitive) != 0) {
            // SECURITY.md D2: never from https down to http, not even to loopback.
            finish(GraphError::tls(
                m_request.what, QStringLiteral("refused a redirect from https to %1").arg(m_url.scheme())));
            return;
        }
        handleRedirect(status);
        return;
    }
    if (status >= 200 && status < 300) {
        if (netError != QNetworkReply::NoError || cutShort(headers, m_body.size())) {
            // The connection broke inside the body: a transport failure, worth a retry.
            if (m_retries < m_client.m_options.retry.budget) {
                retryLater(0, m_client.m_options.retry.backoff(m_retries + 1, m_client.m_random));
                return;
            }
            finish(GraphError::network(m_request.what, QStringLiteral("%1: body cut short").arg(pathForLog())));
            return;
        }
        GraphResponse response;
        response.status = status;
        response.url = finalUrl;
        response.bytes = m_body.size();
        response.headers = std::move(headers);
        if (m_request.expectJson && !m_request.keepBody) {
            if (m_body.size() >= kParseAsideBytes) {
                parseAside(std::move(response));
                return;
            }
            core::Result<QJsonObject> json = parseJsonObject(m_body, m_client.m_options.json);
            m_body.clear();
            finishParsed(std::move(response), std::move(json));
            return;
        }
        response.body = std::move(m_body);
        m_body = QByteArray();
        finish(std::move(response));
        return;
    }
    if (status == 401 && !m_anonymous) {
        handleUnauthorized();
        return;
    }
    if (isRetryableStatus(status)) {
        if (status == 429 || status == 503 || status == 504) {
            ++m_client.m_stats.throttled;
        }
        const auto &policy = m_client.m_options.retry;
        const auto given = RetryPolicy::parseRetryAfter(retryAfter, QDateTime::currentDateTimeUtc());
        if (m_retries >= policy.budget) {
            finish(GraphError::retriesExhausted(status, m_request.what,
                QStringLiteral("HTTP %1 %2 after %3 retries").arg(status).arg(pathForLog()).arg(m_retries)));
            return;
        }
        const auto delay = policy.delayFor(given, m_retries + 1, m_client.m_random);
        if (given && !m_anonymous && m_request.budget != Budget::None) {
            // Graph's answer holds for the whole budget class, not just this request.
            m_client.pacer(m_request.budget).blockUntil(RequestPacer::Clock::now() + delay);
        }
        Q_EMIT m_client.throttled(status, delay.count(), m_request.what);
        retryLater(status, delay);
        return;
    }
    finish(GraphError::fromHttp(status, GraphError::parseBody(m_body), m_request.what, pathForLog()));
}

void GraphCall::handleRedirect(int status)
{
    if (++m_redirects > m_client.m_options.maxRedirects) {
        finish(GraphError::network(m_request.what, QStringLiteral("too many redirects")));
        return;
    }
    if (!m_anonymous && m_client.m_origin.contains(m_url)) {
        if (status == 302 || status == 303) {
            m_request.method = QByteArrayLiteral("GET");
            m_request.body.clear();
        }
        enterQueue();
        return;
    }
    if (m_request.anonymousRedirect && GraphOrigin::isAcceptableDownload(m_url)) {
        // graph-facts §B.10: the report's download URL is pre-authenticated; the bearer token
        // must not follow it.
        m_anonymous = true;
        m_request.method = QByteArrayLiteral("GET");
        enterQueue();
        return;
    }
    if (m_anonymous && GraphOrigin::isAcceptableDownload(m_url)) {
        enterQueue();
        return;
    }
    finish(GraphError::foreignOrigin(m_request.what, GraphOrigin::originOf(m_url)));
}

void GraphCall::handleUnauthorized()
{
    if (m_refreshed) {
        finish(GraphError::unauthorized(
            m_request.what, QStringLiteral("HTTP 401 %1 after one token refresh").arg(pathForLog())));
        return;
    }
    m_refreshed = true;
    ++m_client.m_stats.refreshes;
    m_deadline.start(m_client.m_options.requestDeadline);
    QPointer<GraphCall> self(this);
    m_client.m_tokens.refreshAfterUnauthorized([self](core::Result<secrets::SecretBytes> token) {
        GraphCall *call = self.data();
        if (call == nullptr || call->m_finished) {
            return;
        }
        if (!token.ok()) {
            call->finish(token.error());
            return;
        }
        call->m_deadline.stop();
        call->m_freshToken = std::move(token).value();
        call->enterQueue();
    });
}

void GraphCall::retryLater(int status, std::chrono::milliseconds delay)
{
    qCDebug(lcGraph, "retry %d of %s after %d in %lld ms", m_retries + 1, qPrintable(pathForLog()), status,
        static_cast<long long>(delay.count()));
    ++m_retries;
    ++m_client.m_stats.retries;
    m_waitTimer.disconnect();
    connect(&m_waitTimer, &QTimer::timeout, this, &GraphCall::enterQueue);
    m_waitTimer.start(delay);
}

void GraphCall::cancel()
{
    m_waitTimer.stop();
    m_deadline.stop();
    m_abort = Abort::Cancelled;
    dropReply();
    releaseSlot();
    finish(GraphError::cancelled());
}

void GraphCall::parseAside(GraphResponse response)
{
    using Parsed = std::shared_ptr<core::Result<QJsonObject>>;
    auto *watcher = new QFutureWatcher<Parsed>(this);  // dies with the call: a cancelled call hears nothing
    auto pending = std::make_shared<GraphResponse>(std::move(response));
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, pending] {
        watcher->deleteLater();
        if (m_finished) {
            return;
        }
        const Parsed json = watcher->result();
        finishParsed(std::move(*pending), std::move(*json));
    });
    auto promise = std::make_shared<QPromise<Parsed>>();
    watcher->setFuture(promise->future());
    m_client.m_parsers->start([promise, body = std::exchange(m_body, QByteArray()), limits = m_client.m_options.json] {
        promise->start();
        promise->addResult(std::make_shared<core::Result<QJsonObject>>(parseJsonObject(body, limits)));
        promise->finish();
    });
}

void GraphCall::finishParsed(GraphResponse response, core::Result<QJsonObject> json)
{
    if (!json.ok()) {
        core::Error e = json.error();
        e.detail = pathForLog() + QStringLiteral(": ") + e.detail;
        finish(std::move(e));
        return;
    }
    response.json = std::move(json).value();
    finish(std::move(response));
}

void GraphCall::finish(core::Result<GraphResponse> result)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_waitTimer.stop();
    m_deadline.stop();
    dropReply();
    releaseSlot();
    GraphClient::Callback done = std::move(m_done);
    m_done = nullptr;
    m_client.finished(m_id);
    if (!done) {
        return;
    }
    if (m_inSend) {
        auto pending = std::make_shared<core::Result<GraphResponse>>(std::move(result));
        QMetaObject::invokeMethod(
            &m_client, [done = std::move(done), pending] { done(std::move(*pending)); }, Qt::QueuedConnection);
        return;
    }
    done(std::move(result));
}

}  // namespace stocktake::graph
