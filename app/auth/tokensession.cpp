// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/tokensession.h"

#include "auth/autherror.h"
#include "auth/scopes.h"
#include "auth/tokenendpoint.h"
#include "secrets/crossthreadkeystore.h"

#include <QNetworkAccessManager>
#include <QPointer>

namespace stocktake::auth {

TokenSession::TokenSession(SignInSettings settings, secrets::KeyStore &keys, QString refreshTokenEntry, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_keys(keys)
    , m_entry(std::move(refreshTokenEntry))
    , m_network(new QNetworkAccessManager(this))
    , m_http(*m_network, m_settings.requestTimeout)
{
    m_network->setCookieJar(nullptr);
}

TokenSession::~TokenSession() = default;

bool TokenSession::hasFreshToken() const
{
    if (m_accessToken.isEmpty() || !m_obtained.isValid())
        return false;
    const qint64 marginMs = std::min(kMaxRefreshMarginS * 1000, m_lifetimeMs / 10);
    return m_obtained.elapsed() < m_lifetimeMs - marginMs;
}

void TokenSession::accessToken(TokenCallback done)
{
    m_waiting.push_back(std::move(done));
    if (hasFreshToken() && !m_refreshing) {
        // Answer later, never from inside the call (the caller may still be setting up).
        QPointer<TokenSession> self(this);
        QMetaObject::invokeMethod(
            this,
            [self] {
                TokenSession *session = self.data();  // plain: GCC 12 -Wnull-dereference misreads QPointer
                if (session && !session->m_refreshing)
                    session->settle(std::nullopt);
            },
            Qt::QueuedConnection);
        return;
    }
    startRefresh();
}

void TokenSession::refreshAfterUnauthorized(TokenCallback done)
{
    m_waiting.push_back(std::move(done));
    if (m_refreshing)
        return;  // the refresh under way answers this one too
    m_accessToken = {};
    startRefresh();
}

void TokenSession::startRefresh()
{
    if (m_refreshing)
        return;
    m_refreshing = true;
    if (m_metadata)
        return readRefreshToken();
    if (auto checked = OidcDiscovery::checkAuthority(m_settings.authority); !checked)
        return settle(checked.error());
    QPointer<TokenSession> self(this);
    OidcDiscovery::fetch(
        m_http, m_settings.authority, m_settings.tenant, [self](core::Result<ProviderMetadata> metadata) {
            TokenSession *session = self.data();  // plain: GCC 12 -Wnull-dereference misreads QPointer
            if (!session)
                return;
            if (!metadata)
                return session->settle(metadata.error());
            session->m_metadata = std::move(metadata.value());
            session->readRefreshToken();
        });
}

void TokenSession::readRefreshToken()
{
    QPointer<TokenSession> self(this);
    m_keys.read(m_entry, [self](core::Result<secrets::SecretBytes> stored) {
        TokenSession *session = self.data();  // plain: GCC 12 -Wnull-dereference misreads QPointer
        if (!session)
            return;
        if (!stored)
            return session->settle(stored.error().is(u"secrets.not_found") ? AuthError::notSignedIn() : stored.error());
        if (stored->isEmpty())
            return session->settle(AuthError::notSignedIn());
        ++session->m_refreshCount;
        qCInfo(lcAuth) << "refreshing the access token";
        TokenEndpoint endpoint(session->m_http, session->m_metadata->tokenEndpoint, session->m_settings.clientId);
        endpoint.refresh(*stored, session->m_settings.scopes, [self](TokenReply reply) {
            if (TokenSession *alive = self.data())  // plain: GCC 12 -Wnull-dereference misreads QPointer
                alive->onRefreshed(std::move(reply));
        });
    });
}

void TokenSession::onRefreshed(TokenReply reply)
{
    if (reply.failure)
        return settle(*reply.failure);
    if (!reply.tokens) {
        const core::Error error = AuthError::fromOAuth(reply.error, reply.errorDescription,
            Scopes::adminConsentUrl(m_settings.authority, m_settings.tenant, m_settings.clientId).toString());
        qCInfo(lcAuth).noquote() << "refresh refused:" << error.code;
        if (!error.is(u"auth.sign_in_again"))
            return settle(error);
        // Revoked or expired (RFC 6749 §5.2 invalid_grant): a token that can never work again is
        // deleted, so nothing sends it again and the next run asks for a sign-in at once.
        QPointer<TokenSession> self(this);
        m_keys.remove(m_entry, [self, error](core::Status removed) {
            TokenSession *session = self.data();  // plain: GCC 12 -Wnull-dereference misreads QPointer
            if (!session)
                return;
            if (!removed)
                qCWarning(lcAuth).noquote() << "could not delete the refused refresh token:" << removed.error().code;
            session->settle(error);
        });
        return;
    }
    TokenSet tokens = std::move(*reply.tokens);
    auto access = std::make_shared<secrets::SecretBytes>(std::move(tokens.accessToken));
    const qint64 lifetimeMs = tokens.expiresInS * 1000;
    QPointer<TokenSession> self(this);
    const auto adopt = [self, access, lifetimeMs] {
        TokenSession *session = self.data();  // plain: GCC 12 -Wnull-dereference misreads QPointer
        session->m_accessToken = std::move(*access);
        session->m_lifetimeMs = lifetimeMs;
        session->m_obtained.start();
        session->settle(std::nullopt);
    };
    if (tokens.refreshToken.isEmpty())
        return adopt();  // RFC 6749 §6: no new refresh token, the old one stays valid
    // The rotated token replaces the stored one before the new access token is used (A13).
    m_keys.write(m_entry, tokens.refreshToken, [self, adopt](core::Status written) {
        TokenSession *session = self.data();  // plain: GCC 12 -Wnull-dereference misreads QPointer
        if (!session)
            return;
        if (!written)
            return session->settle(written.error());
        adopt();
    });
}

void TokenSession::settle(const std::optional<core::Error> &error)
{
    m_refreshing = false;
    std::vector<TokenCallback> waiting;
    waiting.swap(m_waiting);
    // A caller may destroy the session from its callback; the rest are then dropped with it.
    const QPointer<TokenSession> self(this);
    for (TokenCallback &done : waiting) {
        if (self.isNull())
            return;
        if (error)
            done(*error);
        else
            done(secrets::SecretBytes::copyOf(m_accessToken.view()));
    }
}

namespace {

/// A TokenSession over a CrossThreadKeyStore it owns.
class WorkerTokenSource final : public graph::TokenSource {
public:
    WorkerTokenSource(SignInSettings settings, secrets::KeyStore &keys, QObject *keysContext, QString entry)
        : m_proxy(keysContext ? std::make_unique<secrets::CrossThreadKeyStore>(keys, *keysContext) : nullptr)
        , m_session(std::move(settings), m_proxy ? *m_proxy : keys, std::move(entry))
    { }

    void accessToken(TokenCallback done) override { m_session.accessToken(std::move(done)); }
    void refreshAfterUnauthorized(TokenCallback done) override { m_session.refreshAfterUnauthorized(std::move(done)); }

private:
    std::unique_ptr<secrets::CrossThreadKeyStore> m_proxy;
    TokenSession m_session;
};

}  // namespace

std::function<std::unique_ptr<graph::TokenSource>()> tokenSourceFactory(
    SignInSettings settings, secrets::KeyStore &keys, QString refreshTokenEntry)
{
    QObject *keysContext = dynamic_cast<QObject *>(&keys);
    return [settings = std::move(settings), keys = &keys, keysContext, entry = std::move(refreshTokenEntry)] {
        return std::unique_ptr<graph::TokenSource>(
            std::make_unique<WorkerTokenSource>(settings, *keys, keysContext, entry));
    };
}

}  // namespace stocktake::auth
