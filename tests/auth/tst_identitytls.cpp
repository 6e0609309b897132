// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// SECURITY D1 for the identity endpoints, against a real TLS server on loopback (QSslServer, the
// test certificates of tests/graph/certs): a certificate from a trusted issuer for the right
// address works; an untrusted issuer or a wrong name ends as auth.network (exit 4) before any
// request crosses, with no way to continue anyway.
#include "auth/identityhttp.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTest>

#include <optional>

using stocktake::auth::HttpReply;
using stocktake::auth::IdentityHttp;
using stocktake::core::ExitCode;
using stocktake::core::Result;

namespace {

QByteArray readCert(const QByteArray &name)
{
    QFile f(QStringLiteral(QT_TESTCASE_SOURCEDIR "/../graph/certs/") + QString::fromLatin1(name));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing %s", name.constData());
    return f.readAll();
}

/// Answers every request on a TLS connection with an empty JSON object, and counts them.
class TlsServer : public QObject {
public:
    explicit TlsServer(const QByteArray &certificate)
    {
        QSslConfiguration c = QSslConfiguration::defaultConfiguration();
        c.setLocalCertificate(QSslCertificate(readCert(certificate + ".pem")));
        c.setPrivateKey(QSslKey(readCert(certificate + ".key"), QSsl::Rsa));
        c.setPeerVerifyMode(QSslSocket::VerifyNone);  // no client certificate asked for
        m_server.setSslConfiguration(c);
        connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (auto *socket = qobject_cast<QSslSocket *>(m_server.nextPendingConnection())) {
                connect(socket, &QSslSocket::readyRead, socket, [this, socket] {
                    m_head += socket->readAll();
                    if (!m_head.contains("\r\n\r\n"))
                        return;
                    m_head.clear();
                    ++requests;
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                                  "Connection: close\r\n\r\n{}");
                    socket->disconnectFromHost();
                });
            }
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    [[nodiscard]] QUrl url() const
    {
        return QUrl(QStringLiteral("https://127.0.0.1:%1/tenant/v2.0/.well-known/openid-configuration")
                        .arg(m_server.serverPort()));
    }
    int requests = 0;

private:
    QSslServer m_server;
    QByteArray m_head;
};

std::optional<Result<HttpReply>> fetch(const QUrl &url)
{
    QNetworkAccessManager network;
    IdentityHttp http(network, std::chrono::seconds(10));
    std::optional<Result<HttpReply>> result;
    http.get(url, [&result](Result<HttpReply> r) { result.emplace(std::move(r)); });
    (void)QTest::qWaitFor([&] { return result.has_value(); }, 20000);
    return result;
}

}  // namespace

class TestIdentityTls : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QSslSocket::supportsSsl(), "no TLS backend");
        // Trust the test CA in this process only, as a system store would.
        QSslConfiguration c = QSslConfiguration::defaultConfiguration();
        c.addCaCertificates(QSslCertificate::fromData(readCert("ca.pem")));
        QSslConfiguration::setDefaultConfiguration(c);
    }

    void trustedCertificateOnLoopbackWorks()
    {
        TlsServer server("loopback");
        QVERIFY(server.listen());
        const auto result = fetch(server.url());
        QVERIFY(result.has_value());
        QVERIFY2(result->ok(), qPrintable(result->ok() ? QString() : result->error().detail));
        QCOMPARE((*result)->status, 200);
        QCOMPARE(server.requests, 1);
    }

    void untrustedOrWrongCertificateFails_data()
    {
        QTest::addColumn<QByteArray>("certificate");
        QTest::newRow("self-signed") << QByteArray("selfsigned");
        QTest::newRow("wrong host") << QByteArray("wronghost");
    }

    void untrustedOrWrongCertificateFails()
    {
        QFETCH(QByteArray, certificate);
        TlsServer server(certificate);
        QVERIFY(server.listen());
        const auto result = fetch(server.url());
        QVERIFY(result.has_value());
        QVERIFY(!result->ok());
        QCOMPARE(result->error().code, QStringLiteral("auth.network"));
        QCOMPARE(result->error().exitCode, ExitCode::Service);
        QCOMPARE(server.requests, 0);
    }
};

QTEST_GUILESS_MAIN(TestIdentityTls)
#include "tst_identitytls.moc"
