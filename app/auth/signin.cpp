// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/signin.h"

#include "auth/authcodeflow.h"
#include "auth/autherror.h"
#include "auth/devicecodeflow.h"
#include "auth/identityhttp.h"
#include "auth/oidcdiscovery.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace stocktake::auth {

SignIn::SignIn(
    SignInSettings settings, secrets::KeyStore &keys, QString refreshTokenEntry, UrlOpener *opener, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_keys(keys)
    , m_entry(std::move(refreshTokenEntry))
    , m_opener(opener)
    , m_network(new QNetworkAccessManager(this))
    , m_http(std::make_unique<IdentityHttp>(*m_network, m_settings.requestTimeout))
{
    m_network->setCookieJar(nullptr);
}

SignIn::~SignIn()
{
    ++m_run;  // callbacks of a run still in flight find it over
    delete m_flow.data();
    if (QNetworkReply *discovery = m_discovery.data())  // plain: GCC 12 -Wnull-dereference misreads QPointer
        discovery->abort();
}

void SignIn::start(Method method)
{
    if (m_running)
        return;
    m_running = true;
    m_storing = false;
    m_method = method;
    const int run = ++m_run;
    if (auto checked = OidcDiscovery::checkAuthority(m_settings.authority); !checked) {
        QMetaObject::invokeMethod(
            this, [this, run, error = checked.error()] { finish(run, error); }, Qt::QueuedConnection);
        return;
    }
    qCInfo(lcAuth).noquote() << "sign-in started:" << (method == Method::DeviceCode ? "device code" : "browser");
    QPointer<SignIn> self(this);
    m_discovery = OidcDiscovery::fetch(
        *m_http, m_settings.authority, m_settings.tenant, [self, run](core::Result<ProviderMetadata> metadata) {
            SignIn *signIn = self.data();  // plain: GCC 12 -Wnull-dereference misreads QPointer
            if (signIn)
                signIn->onMetadata(run, std::move(metadata));
        });
}

void SignIn::onMetadata(int run, core::Result<ProviderMetadata> metadata)
{
    if (run != m_run)
        return;
    if (!metadata)
        return finish(run, metadata.error());
    QPointer<SignIn> self(this);
    const auto onTokens = [self, run](core::Result<TokenSet> tokens) {
        SignIn *signIn = self.data();  // plain: GCC 12 -Wnull-dereference misreads QPointer
        if (signIn)
            signIn->onTokens(run, std::move(tokens));
    };
    if (m_method == Method::DeviceCode) {
        if (metadata->deviceAuthorizationEndpoint.isEmpty())
            return finish(run, AuthError::noDeviceFlow());
        auto *flow = new DeviceCodeFlow(*m_http, std::move(metadata.value()), m_settings, this);
        m_flow = flow;
        connect(flow, &DeviceCodeFlow::codeReady, this, &SignIn::deviceCodeReady);
        flow->start(onTokens);
        return;
    }
    auto *flow = new AuthCodeFlow(*m_http, std::move(metadata.value()), m_settings, m_opener, this);
    m_flow = flow;
    connect(flow, &AuthCodeFlow::browserUrlReady, this, &SignIn::browserUrlReady);
    flow->start(onTokens);
}

void SignIn::onTokens(int run, core::Result<TokenSet> tokens)
{
    if (run != m_run)
        return;
    if (!tokens)
        return finish(run, tokens.error());
    if (tokens->refreshToken.isEmpty())
        return finish(run, AuthError::noRefreshToken());
    m_storing = true;
    SignedIn signedIn {tokens->scopes};
    QPointer<SignIn> self(this);
    m_keys.write(m_entry, tokens->refreshToken, [self, run, signedIn](core::Status stored) {
        SignIn *signIn = self.data();  // plain: GCC 12 -Wnull-dereference misreads QPointer
        if (!signIn)
            return;
        if (!stored)
            return signIn->finish(run, stored.error());
        qCInfo(lcAuth) << "signed in; the refresh token is in the key store";
        signIn->finish(run, signedIn);
    });
}

void SignIn::cancel()
{
    if (!m_running || m_storing)
        return;
    finish(m_run, AuthError::cancelled());
}

void SignIn::finish(int run, core::Result<SignedIn> result)
{
    if (run != m_run || !m_running)
        return;
    m_running = false;
    m_storing = false;
    ++m_run;                                            // nothing of this run reports again
    if (QNetworkReply *discovery = m_discovery.data())  // plain: GCC 12 -Wnull-dereference misreads QPointer
        discovery->abort();
    if (QObject *flow = m_flow.data()) {
        if (auto *device = qobject_cast<DeviceCodeFlow *>(flow))
            device->cancel();
        else if (auto *browser = qobject_cast<AuthCodeFlow *>(flow))
            browser->cancel();
        flow->deleteLater();
    }
    m_flow = nullptr;
    if (!result)
        qCInfo(lcAuth).noquote() << "sign-in ended:" << result.error().code;
    Q_EMIT finished(result);
}

}  // namespace stocktake::auth
