// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// SECURITY.md D1/D2 against a real TLS server on loopback (QSslServer): a certificate from a
// trusted issuer for the right address works; an untrusted issuer or a wrong name fails with
// graph.tls (exit 4) and no "continue anyway"; a redirect from https down to http is refused.
#include "graph/endpoint.h"
#include "graph/graphclient.h"
#include "graphtesthelpers.h"
#include "scriptedserver.h"
#include "testtokens.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QTest>

using namespace stocktake;
using namespace stocktake::testing;
using graph::Endpoint;
using graph::GraphClient;
using graph::GraphRequest;
using Response = ScriptedServer::Response;

namespace {

QByteArray readCert(const char *name)
{
    QFile f(QStringLiteral(QT_TESTCASE_SOURCEDIR "/certs/") + QLatin1StringView(name));
    if (!f.open(QIODevice::ReadOnly)) {
        qFatal("missing %s", name);
    }
    return f.readAll();
}

QSslConfiguration serverConfig(const char *name)
{
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    const QByteArray base(name);
    c.setLocalCertificate(QSslCertificate(readCert(QByteArray(base + ".pem").constData())));
    c.setPrivateKey(QSslKey(readCert(QByteArray(base + ".key").constData()), QSsl::Rsa));
    c.setPeerVerifyMode(QSslSocket::VerifyNone);  // the server does not ask for a client certificate
    c.setAllowedNextProtocols({QByteArrayLiteral("http/1.1")});
    return c;
}

}  // namespace

class TestGraphTls : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void trustedCertificateOnLoopbackWorks();
    void untrustedOrWrongCertificateFails_data();
    void untrustedOrWrongCertificateFails();
    void redirectFromHttpsToHttpIsRefused();
};

void TestGraphTls::initTestCase()
{
    if (!QSslSocket::supportsSsl()) {
        QSKIP("no TLS backend");
    }
    // Trust the test CA in this process only, as a system store would.
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    c.addCaCertificates(QSslCertificate::fromData(readCert("ca.pem")));
    QSslConfiguration::setDefaultConfiguration(c);
}

void TestGraphTls::trustedCertificateOnLoopbackWorks()
{
    ScriptedServer server;
    QVERIFY(server.listenTls(serverConfig("loopback")));
    server.enqueue("/v1.0/users", Response::json(R"({"value":[{"id":"u1"}]})"));
    ListTokenSource tokens({"tok"});
    graph::GraphClientOptions options;
    options.graphRoot = QUrl(server.origin());
    GraphClient client(options, tokens);

    const auto result = sendAndWait(client, GraphRequest::get(Endpoint::users(), client.apiBase()));
    QVERIFY(result.has_value());
    QVERIFY2(result->ok(), qPrintable(result->ok() ? QString() : result->error().detail));
    QCOMPARE(server.requests().size(), 1);
    QCOMPARE(server.requests().first().headers.value("authorization"), QByteArray("Bearer tok"));
}

void TestGraphTls::untrustedOrWrongCertificateFails_data()
{
    QTest::addColumn<QByteArray>("certificate");
    QTest::newRow("self-signed") << QByteArray("selfsigned");
    QTest::newRow("wrong host") << QByteArray("wronghost");
}

void TestGraphTls::untrustedOrWrongCertificateFails()
{
    QFETCH(QByteArray, certificate);
    ScriptedServer server;
    QVERIFY(server.listenTls(serverConfig(certificate.constData())));
    server.enqueue("/v1.0/users", Response::json(R"({"value":[]})"));
    ListTokenSource tokens({"tok"});
    graph::GraphClientOptions options;
    options.graphRoot = QUrl(server.origin());
    GraphClient client(options, tokens);

    const auto result = sendAndWait(client, GraphRequest::get(Endpoint::users(), client.apiBase()));
    QVERIFY(result.has_value());
    QVERIFY(!result->ok());
    QCOMPARE(result->error().code, QStringLiteral("graph.tls"));
    QCOMPARE(result->error().exitCode, core::ExitCode::Service);
    QCOMPARE(server.requests().size(), 0);  // nothing, token included, crossed the failed handshake
}

void TestGraphTls::redirectFromHttpsToHttpIsRefused()
{
    ScriptedServer graphServer;
    ScriptedServer plain;
    QVERIFY(graphServer.listenTls(serverConfig("loopback")));
    QVERIFY(plain.listen(QHostAddress(QStringLiteral("127.0.0.2"))));
    Response redirect;
    redirect.status = 302;
    redirect.header("Location", (plain.origin() + QStringLiteral("/download/report.csv")).toLatin1());
    graphServer.enqueue("/v1.0/reports/getOffice365ActiveUserDetail(period='D30')", redirect);
    ListTokenSource tokens({"tok"});
    graph::GraphClientOptions options;
    options.graphRoot = QUrl(graphServer.origin());
    GraphClient client(options, tokens);
    GraphRequest request = GraphRequest::get(Endpoint::office365ActiveUserDetail(), client.apiBase());
    request.expectJson = false;
    request.anonymousRedirect = true;

    const auto result = sendAndWait(client, request);
    QVERIFY(result && !result->ok());
    QCOMPARE(result->error().code, QStringLiteral("graph.tls"));
    QCOMPARE(plain.requests().size(), 0);
}

QTEST_GUILESS_MAIN(TestGraphTls)
#include "tst_graphtls.moc"
