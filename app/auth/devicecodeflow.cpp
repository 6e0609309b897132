// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/devicecodeflow.h"

#include "auth/autherror.h"
#include "auth/scopes.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

namespace stocktake::auth {

namespace {

constexpr int kDefaultExpiresInS = 900;  // Entra's documented lifetime of a device code

int positiveInt(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble() > 0 && value.toDouble() < 86400 ? static_cast<int>(value.toDouble()) : 0;
    bool ok = false;
    const int parsed = value.toString().toInt(&ok);
    return ok && parsed > 0 && parsed < 86400 ? parsed : 0;
}

bool isTransient(const core::Error &error)
{
    return error.is(u"auth.network") || error.is(u"auth.service_unavailable");
}

}  // namespace

DeviceCodeFlow::DeviceCodeFlow(IdentityHttp &http, ProviderMetadata metadata, SignInSettings settings, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_metadata(std::move(metadata))
    , m_settings(std::move(settings))
    , m_tokens(http, m_metadata.tokenEndpoint, m_settings.clientId)
{
    // RFC 8628 §3.5 asks for at least `interval` between polls; a coarse timer may fire 5 % early.
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &DeviceCodeFlow::poll);
    m_expiry.setTimerType(Qt::PreciseTimer);  // never end before expires_in has run out
    m_expiry.setSingleShot(true);
    connect(&m_expiry, &QTimer::timeout, this, [this] {
        qCInfo(lcAuth) << "device code expired before sign-in finished";
        finish(AuthError::fromOAuth(QStringLiteral("expired_token"), {}));
    });
}

DeviceCodeFlow::~DeviceCodeFlow()
{
    // Aborting calls the reply's callback at once: it must find the flow already over.
    m_finished = true;
    m_done = nullptr;
    // Through a plain pointer: GCC 12's -Wnull-dereference misreads QPointer's inlined checks.
    if (QNetworkReply *reply = m_reply.data())
        reply->abort();
}

int DeviceCodeFlow::intervalS() const
{
    return m_schedule ? m_schedule->intervalS() : PollSchedule::kDefaultIntervalS;
}

void DeviceCodeFlow::start(Done done)
{
    m_done = std::move(done);
    const QByteArray clientId = m_settings.clientId.toUtf8();
    const QByteArray scope = m_settings.scopes.join(u' ').toUtf8();
    const QByteArray form
        = IdentityHttp::formEncode({{QByteArrayLiteral("client_id"), clientId}, {QByteArrayLiteral("scope"), scope}});
    qCDebug(lcAuth).noquote() << "device authorization request to"
                              << IdentityHttp::originOf(m_metadata.deviceAuthorizationEndpoint);
    QPointer<DeviceCodeFlow> self(this);
    m_reply = m_http.postForm(m_metadata.deviceAuthorizationEndpoint, form, [self](core::Result<HttpReply> reply) {
        DeviceCodeFlow *flow = self.data();  // plain: GCC 12 -Wnull-dereference misreads QPointer
        if (flow)
            flow->onDeviceCode(std::move(reply));
    });
}

void DeviceCodeFlow::onDeviceCode(core::Result<HttpReply> reply)
{
    if (m_finished)
        return;
    if (!reply)
        return finish(reply.error());
    HttpReply &http = reply.value();
    const QString adminConsent
        = Scopes::adminConsentUrl(m_settings.authority, m_settings.tenant, m_settings.clientId).toString();
    if (http.status != 200) {
        QString error;
        QString description;
        const bool oauth = TokenEndpoint::parseOAuthError(http.body, &error, &description);
        secrets::SecretBytes::wipe(http.body);
        if (oauth)
            return finish(AuthError::fromOAuth(error, description, adminConsent));
        return finish(http.status >= 500
                ? AuthError::fromOAuth(QStringLiteral("temporarily_unavailable"), {})
                : TokenEndpoint::badResponse(QStringLiteral("device authorization answered HTTP %1").arg(http.status)));
    }
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(http.body, &parseError);
    secrets::SecretBytes::wipe(http.body);
    const QJsonObject object = doc.object();
    QByteArray deviceCode = object.value(QLatin1StringView("device_code")).toString().toUtf8();
    m_deviceCode = secrets::SecretBytes::copyOf(deviceCode);
    secrets::SecretBytes::wipe(deviceCode);
    const QString userCode = object.value(QLatin1StringView("user_code")).toString();
    // Entra's older endpoint and some servers say verification_url (RFC 8628 says _uri).
    QString uri = object.value(QLatin1StringView("verification_uri")).toString();
    if (uri.isEmpty())
        uri = object.value(QLatin1StringView("verification_url")).toString();
    const QUrl verificationUri(uri, QUrl::StrictMode);
    if (parseError.error != QJsonParseError::NoError || m_deviceCode.isEmpty() || userCode.isEmpty()
        || userCode.size() > 64 || !IdentityHttp::isAcceptableEndpoint(verificationUri))
        return finish(TokenEndpoint::badResponse(QStringLiteral("device authorization response lacks a usable "
                                                                "device_code, user_code or verification_uri")));
    int expiresIn = positiveInt(object.value(QLatin1StringView("expires_in")));
    if (expiresIn == 0)
        expiresIn = kDefaultExpiresInS;
    m_schedule.emplace(positiveInt(object.value(QLatin1StringView("interval"))), expiresIn);
    m_sinceIssued.start();
    m_expiry.start(std::chrono::seconds(expiresIn));
    qCInfo(lcAuth).noquote() << "device code issued; expires in" << expiresIn << "s, poll interval"
                             << m_schedule->intervalS() << "s";
    Q_EMIT codeReady(userCode, verificationUri, object.value(QLatin1StringView("message")).toString().left(1000));
    if (!m_finished)
        scheduleNextPoll();
}

void DeviceCodeFlow::scheduleNextPoll()
{
    // Whole seconds rounded down: elapsed + interval < expires_in then puts every poll before
    // the expiry. When no poll fits any more, the expiry timer ends the flow at expires_in.
    const int elapsedS = static_cast<int>(m_sinceIssued.elapsed() / 1000);
    const int delayS = m_schedule->nextDelayS(elapsedS);
    if (delayS >= 0)
        m_timer.start(std::chrono::seconds(delayS));
}

void DeviceCodeFlow::poll()
{
    if (m_finished)
        return;
    QPointer<DeviceCodeFlow> self(this);
    m_reply = m_tokens.redeemDeviceCode(m_deviceCode, [self](TokenReply reply) {
        DeviceCodeFlow *flow = self.data();  // plain: GCC 12 -Wnull-dereference misreads QPointer
        if (flow)
            flow->onPoll(std::move(reply));
    });
}

void DeviceCodeFlow::onPoll(TokenReply reply)
{
    if (m_finished)
        return;
    if (reply.tokens) {
        qCInfo(lcAuth) << "device code redeemed";
        return finish(std::move(*reply.tokens));
    }
    if (reply.failure) {
        if (!isTransient(*reply.failure) || ++m_networkFailures > kMaxNetworkFailures)
            return finish(*reply.failure);
        m_schedule->onNetworkFailure();
        qCInfo(lcAuth) << "device code poll failed on the network; next poll in" << m_schedule->intervalS() << "s";
        return scheduleNextPoll();
    }
    m_networkFailures = 0;
    if (reply.error == QLatin1StringView("authorization_pending"))
        return scheduleNextPoll();
    if (reply.error == QLatin1StringView("slow_down")) {
        m_schedule->onSlowDown();
        qCInfo(lcAuth) << "slow_down: poll interval now" << m_schedule->intervalS() << "s";
        return scheduleNextPoll();
    }
    qCInfo(lcAuth).noquote() << "device code poll ended with" << reply.error.left(40);
    finish(AuthError::fromOAuth(reply.error, reply.errorDescription,
        Scopes::adminConsentUrl(m_settings.authority, m_settings.tenant, m_settings.clientId).toString()));
}

void DeviceCodeFlow::cancel()
{
    if (m_finished)
        return;
    finish(AuthError::cancelled());
}

void DeviceCodeFlow::finish(core::Result<TokenSet> result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    m_expiry.stop();
    // Through a plain pointer: GCC 12's -Wnull-dereference misreads QPointer's inlined checks.
    if (QNetworkReply *reply = m_reply.data())
        reply->abort();
    m_deviceCode = {};
    const Done done = std::move(m_done);
    m_done = nullptr;
    if (done)
        done(std::move(result));
}

}  // namespace stocktake::auth
