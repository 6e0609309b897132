// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// OIDC discovery checks (SECURITY A15, D2), the token response reader and the form encoding of
// the identity HTTP layer: pure functions, no network.
#include "auth/identityhttp.h"
#include "auth/oidcdiscovery.h"
#include "auth/tokenendpoint.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkDiskCache>
#include <QTest>
#include <QUrlQuery>

using stocktake::auth::HttpReply;
using stocktake::auth::IdentityHttp;
using stocktake::auth::OidcDiscovery;
using stocktake::auth::TokenEndpoint;
using stocktake::core::ExitCode;

namespace {

const QUrl kEntra(QStringLiteral("https://login.microsoftonline.com"));
const QString kTenantId = QStringLiteral("7f3c0e52-9a4d-4c1b-8e2f-3b6a5d9c1e04");

QByteArray document(const QString &issuer, const QString &base, const QJsonObject &extra = {})
{
    QJsonObject o {{QStringLiteral("issuer"), issuer},
        {QStringLiteral("authorization_endpoint"), QString(base + QStringLiteral("/oauth2/v2.0/authorize"))},
        {QStringLiteral("token_endpoint"), QString(base + QStringLiteral("/oauth2/v2.0/token"))},
        {QStringLiteral("device_authorization_endpoint"), QString(base + QStringLiteral("/oauth2/v2.0/devicecode"))}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        o.insert(it.key(), it.value());
    return QJsonDocument(o).toJson();
}

}  // namespace

class TestOidcDiscovery : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void documentUrlFollowsTheAuthorityAndTenant()
    {
        QCOMPARE(OidcDiscovery::documentUrl(kEntra, QStringLiteral("contoso.com")).toString(),
            QStringLiteral("https://login.microsoftonline.com/contoso.com/v2.0/.well-known/openid-configuration"));
        QCOMPARE(OidcDiscovery::documentUrl(QUrl(QStringLiteral("http://127.0.0.1:8080/root/")), kTenantId).toString(),
            QString(QStringLiteral("http://127.0.0.1:8080/root/") + kTenantId
                + QStringLiteral("/v2.0/.well-known/openid-configuration")));
    }

    void issuerMustBelongToTheAuthorityAndTenant_data()
    {
        QTest::addColumn<QString>("issuer");
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<bool>("accepted");
        const QString entra = QStringLiteral("https://login.microsoftonline.com/");
        const auto row = [](const char *name, const QString &issuer, const QString &tenant, bool accepted) {
            QTest::newRow(name) << issuer << tenant << accepted;
        };
        row("tenant id", entra + kTenantId + QStringLiteral("/v2.0"), kTenantId, true);
        row("tenant id, other case", entra + kTenantId.toUpper() + QStringLiteral("/v2.0"), kTenantId, true);
        row("domain resolves to its id", entra + kTenantId + QStringLiteral("/v2.0"), QStringLiteral("contoso.com"),
            true);
        row("other tenant id", entra + QStringLiteral("8a1f6a4e-0c2d-4a7b-9e1f-2b3c4d5e6f70/v2.0"), kTenantId, false);
        row("domain, issuer not an id", entra + QStringLiteral("fabrikam.com/v2.0"), QStringLiteral("contoso.com"),
            false);
        row("multi-tenant template", entra + QStringLiteral("{tenantid}/v2.0"), QStringLiteral("organizations"), true);
        row("template for a real tenant", entra + QStringLiteral("{tenantid}/v2.0"), kTenantId, false);
        row("other host", QStringLiteral("https://login.example.test/") + kTenantId + QStringLiteral("/v2.0"),
            kTenantId, false);
        row("http on the https origin",
            QStringLiteral("http://login.microsoftonline.com/") + kTenantId + QStringLiteral("/v2.0"), kTenantId,
            false);
        row("v1 issuer", QStringLiteral("https://sts.windows.net/") + kTenantId + u'/', kTenantId, false);
        row("extra path", entra + kTenantId + QStringLiteral("/x/v2.0"), kTenantId, false);
        QTest::newRow("not a URL") << QStringLiteral("issuer") << kTenantId << false;
    }

    void issuerMustBelongToTheAuthorityAndTenant()
    {
        QFETCH(QString, issuer);
        QFETCH(QString, tenant);
        QFETCH(bool, accepted);
        QCOMPARE(OidcDiscovery::issuerMatches(issuer, kEntra, tenant), accepted);
    }

    void acceptsAnEntraDocumentForADomainTenant()
    {
        const QString base = QStringLiteral("https://login.microsoftonline.com/contoso.com");
        const auto metadata = OidcDiscovery::parse(document(QString(QStringLiteral("https://login.microsoftonline.com/")
                                                                + kTenantId + QStringLiteral("/v2.0")),
                                                       base),
            kEntra, QStringLiteral("contoso.com"));
        QVERIFY(metadata.ok());
        QCOMPARE(metadata->tokenEndpoint.toString(), QString(base + QStringLiteral("/oauth2/v2.0/token")));
        QCOMPARE(metadata->deviceAuthorizationEndpoint.toString(),
            QString(base + QStringLiteral("/oauth2/v2.0/devicecode")));
        QVERIFY(!metadata->issParameterSupported);
    }

    void refusesUntrustedDocuments_data()
    {
        QTest::addColumn<QByteArray>("body");
        const QString issuer
            = QStringLiteral("https://login.microsoftonline.com/") + kTenantId + QStringLiteral("/v2.0");
        const QString base = QStringLiteral("https://login.microsoftonline.com/") + kTenantId;
        QTest::newRow("not JSON") << QByteArray("<html>");
        QTest::newRow("wrong issuer") << document(QStringLiteral("https://login.example.test/x/v2.0"), base);
        QTest::newRow("http endpoint") << document(issuer, QString(QStringLiteral("http://evil.test/") + kTenantId));
        QTest::newRow("https endpoint elsewhere")
            << document(issuer, QString(QStringLiteral("https://evil.test/") + kTenantId));
        QTest::newRow("user info") << document(issuer, QStringLiteral("https://a:b@login.microsoftonline.com/x"));
        QTest::newRow("no S256") << document(
            issuer, base, {{QStringLiteral("code_challenge_methods_supported"), QJsonArray {QStringLiteral("plain")}}});
        QJsonObject noToken = QJsonDocument::fromJson(document(issuer, base)).object();
        noToken.remove(QStringLiteral("token_endpoint"));
        QTest::newRow("no token endpoint") << QJsonDocument(noToken).toJson();
    }

    void refusesUntrustedDocuments()
    {
        QFETCH(QByteArray, body);
        const auto metadata = OidcDiscovery::parse(body, kEntra, kTenantId);
        QVERIFY(!metadata.ok());
        QCOMPARE(metadata.error().code, QStringLiteral("auth.untrusted_discovery"));
        QCOMPARE(metadata.error().exitCode, ExitCode::SignIn);
    }

    void authorityMustBeHttpsOrLoopback_data()
    {
        QTest::addColumn<QString>("authority");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("entra") << QStringLiteral("https://login.microsoftonline.com") << true;
        QTest::newRow("loopback v4") << QStringLiteral("http://127.0.0.1:8080") << true;
        QTest::newRow("loopback v6") << QStringLiteral("http://[::1]:8080") << true;
        QTest::newRow("localhost") << QStringLiteral("http://localhost:8080") << true;
        QTest::newRow("plain http") << QStringLiteral("http://login.example.test") << false;
        QTest::newRow("ftp") << QStringLiteral("ftp://login.example.test") << false;
        QTest::newRow("query") << QStringLiteral("https://login.microsoftonline.com?x=1") << false;
    }

    void authorityMustBeHttpsOrLoopback()
    {
        QFETCH(QString, authority);
        QFETCH(bool, accepted);
        QCOMPARE(OidcDiscovery::checkAuthority(QUrl(authority)).ok(), accepted);
    }

    void tokenResponsesNeverReachADiskCache()
    {
        // SECURITY A7: the manager the identity requests use has no cache at all.
        QNetworkAccessManager network;
        auto *cache = new QNetworkDiskCache(&network);
        cache->setCacheDirectory(QDir::tempPath() + QStringLiteral("/stocktake-never-used"));
        network.setCache(cache);
        const IdentityHttp http(network, std::chrono::seconds(1));
        QVERIFY(network.cache() == nullptr);
    }

    void formEncodingSurvivesAnyDecoder()
    {
        const QByteArray form = IdentityHttp::formEncode(
            {{QByteArrayLiteral("code"), "a+b&c=d e/~._-"}, {QByteArrayLiteral("client_id"), "x"}});
        QCOMPARE(form, QByteArray("code=a%2Bb%26c%3Dd%20e%2F~._-&client_id=x"));
    }

    void readsTokenResponses()
    {
        HttpReply ok;
        ok.status = 200;
        ok.body
            = R"({"token_type":"Bearer","expires_in":"3599","scope":"a b","access_token":"at-1","refresh_token":"rt-1"})";
        auto reply = TokenEndpoint::parse(ok, QStringLiteral("https://x:443"));
        QVERIFY(reply.tokens);
        QVERIFY(reply.tokens->accessToken.equals("at-1"));
        QVERIFY(reply.tokens->refreshToken.equals("rt-1"));
        QCOMPARE(reply.tokens->expiresInS, 3599);
        QCOMPARE(reply.tokens->scopes, (QStringList {QStringLiteral("a"), QStringLiteral("b")}));

        HttpReply pending;
        pending.status = 400;
        pending.body = R"({"error":"authorization_pending","error_description":"AADSTS70016: pending"})";
        reply = TokenEndpoint::parse(pending, {});
        QVERIFY(!reply.tokens && !reply.failure);
        QCOMPARE(reply.error, QStringLiteral("authorization_pending"));

        HttpReply noType;
        noType.status = 200;
        noType.body = R"({"access_token":"at-1"})";
        reply = TokenEndpoint::parse(noType, {});
        QVERIFY(reply.failure);
        QCOMPARE(reply.failure->code, QStringLiteral("auth.bad_response"));

        HttpReply redirect;
        redirect.status = 307;
        reply = TokenEndpoint::parse(redirect, {});
        QCOMPARE(reply.failure->code, QStringLiteral("auth.unexpected_redirect"));
        QCOMPARE(reply.failure->exitCode, ExitCode::Service);

        HttpReply outage;
        outage.status = 503;
        outage.body = "<html>down</html>";
        reply = TokenEndpoint::parse(outage, {});
        QCOMPARE(reply.failure->exitCode, ExitCode::Service);
    }
};

QTEST_GUILESS_MAIN(TestOidcDiscovery)
#include "tst_oidcdiscovery.moc"
