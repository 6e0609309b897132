// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/authcodeflow.h"

#include "auth/autherror.h"
#include "auth/loopbacklistener.h"
#include "auth/pkce.h"
#include "auth/scopes.h"
#include "auth/urlopener.h"

#include <QNetworkReply>

namespace stocktake::auth {

AuthCodeFlow::AuthCodeFlow(
    IdentityHttp &http, ProviderMetadata metadata, SignInSettings settings, UrlOpener *opener, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_metadata(std::move(metadata))
    , m_settings(std::move(settings))
    , m_opener(opener)
    , m_tokens(http, m_metadata.tokenEndpoint, m_settings.clientId)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &AuthCodeFlow::onTimeout);
}

AuthCodeFlow::~AuthCodeFlow()
{
    // Aborting calls the reply's callback at once: it must find the flow already over.
    m_finished = true;
    m_done = nullptr;
    // Through a plain pointer: GCC 12's -Wnull-dereference misreads QPointer's inlined checks.
    if (QNetworkReply *reply = m_reply.data())
        reply->abort();
}

quint16 AuthCodeFlow::port() const
{
    return m_listener ? m_listener->port() : 0;
}

void AuthCodeFlow::start(Done done)
{
    m_done = std::move(done);
    QByteArray verifier = Pkce::makeVerifier();
    m_verifier = secrets::SecretBytes::copyOf(verifier);
    secrets::SecretBytes::wipe(verifier);
    const QByteArray state = Pkce::makeState();
    m_listener = new LoopbackListener(state, m_settings.redirectHost, this);
    if (!m_listener->listen()) {
        QMetaObject::invokeMethod(
            this, [this] { finish(AuthError::noLoopbackPort()); }, Qt::QueuedConnection);
        return;
    }
    connect(m_listener, &LoopbackListener::codeReceived, this, &AuthCodeFlow::onCode);
    connect(m_listener, &LoopbackListener::errorReceived, this, &AuthCodeFlow::onError);
    connect(m_listener, &LoopbackListener::callbackRejected, this, [this] {
        m_forgedSeen = true;
        qCWarning(lcAuth) << "a redirect with a wrong state reached the loopback listener and was dropped";
    });
    m_redirectUri = m_listener->redirectUri();
    const QUrl url = Scopes::authorizeUrl(m_metadata.authorizationEndpoint, m_settings.clientId, m_redirectUri,
        m_settings.scopes, Pkce::challengeFor(m_verifier.view()), state, m_settings.prompt);
    m_timeout.start(m_settings.browserTimeout);
    qCInfo(lcAuth) << "browser sign-in: listening on loopback port" << m_listener->port();
    Q_EMIT browserUrlReady(url);
    if (m_finished || !m_opener)
        return;
    if (!m_opener->open(url))
        qCInfo(lcAuth) << "no browser could be opened; the address was shown instead";
}

void AuthCodeFlow::onCode(const QByteArray &code, const QString &iss)
{
    if (m_finished)
        return;
    m_timeout.stop();
    secrets::SecretBytes secretCode = secrets::SecretBytes::copyOf(code);
    // RFC 9207 §2.4: when the server says it sends iss, a missing or different one is refused;
    // an iss from a server that did not say so is still compared.
    if ((m_metadata.issParameterSupported || !iss.isEmpty()) && iss != m_metadata.issuer) {
        return finish(AuthError::issuerMismatch(
            QStringLiteral("iss %1 (expected the discovered issuer, %2)")
                .arg(iss.isEmpty() ? QStringLiteral("missing") : IdentityHttp::originOf(QUrl(iss)),
                    IdentityHttp::originOf(QUrl(m_metadata.issuer)))));
    }
    qCInfo(lcAuth) << "authorization code received; redeeming it";
    QPointer<AuthCodeFlow> self(this);
    m_reply = m_tokens.redeemAuthorizationCode(secretCode, m_redirectUri, m_verifier, [self](TokenReply reply) {
        AuthCodeFlow *flow = self.data();  // plain: GCC 12 -Wnull-dereference misreads QPointer
        if (!flow || flow->m_finished)
            return;
        if (reply.tokens)
            return flow->finish(std::move(*reply.tokens));
        if (reply.failure)
            return flow->finish(*reply.failure);
        if (reply.error == QLatin1StringView("invalid_grant") && AuthError::aadstsCode(reply.errorDescription) != 65001)
            return flow->finish(AuthError::codeRejected(
                QStringLiteral("invalid_grant aadsts=%1").arg(AuthError::aadstsCode(reply.errorDescription))));
        flow->finish(AuthError::fromOAuth(reply.error, reply.errorDescription,
            Scopes::adminConsentUrl(flow->m_settings.authority, flow->m_settings.tenant, flow->m_settings.clientId)
                .toString()));
    });
}

void AuthCodeFlow::onError(const QString &error, const QString &description)
{
    if (m_finished)
        return;
    qCInfo(lcAuth).noquote() << "the browser returned the error" << error.left(40);
    m_listener->close();
    finish(AuthError::fromOAuth(error, description,
        Scopes::adminConsentUrl(m_settings.authority, m_settings.tenant, m_settings.clientId).toString()));
}

void AuthCodeFlow::onTimeout()
{
    if (m_finished)
        return;
    m_listener->close();
    finish(AuthError::browserTimeout(m_forgedSeen));
}

void AuthCodeFlow::cancel()
{
    if (m_finished)
        return;
    if (m_listener)
        m_listener->close();
    finish(AuthError::cancelled());
}

void AuthCodeFlow::finish(core::Result<TokenSet> result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timeout.stop();
    // Through a plain pointer: GCC 12's -Wnull-dereference misreads QPointer's inlined checks.
    if (QNetworkReply *reply = m_reply.data())
        reply->abort();
    m_verifier = {};
    const Done done = std::move(m_done);
    m_done = nullptr;
    if (done)
        done(std::move(result));
}

}  // namespace stocktake::auth
