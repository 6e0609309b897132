// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// `stocktake-cli login` and `logout` as a child process against tenant-sim, with the refresh token
// in a real Secret Service (run under scripts/with-secret-service). The browser is a stand-in
// xdg-open on PATH that records the URL it gets and then plays the browser with curl.
#include "clirunner.h"
#include "secrets/qtkeychainstore.h"
#include "secretservice.h"
#include "temphome.h"
#include "tenantsim.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace stocktake;
using testing::runCli;

namespace {

const QString kTenant = QStringLiteral("7f3c0e52-9a4d-4c1b-8e2f-3b6a5d9c1e04");
const QString kClientId = QStringLiteral("5d2a7c1e-0b4f-4e8a-9c3d-6f1b2a8e4d70");

std::optional<QByteArray> keychainValue(const QString &entry)
{
    secrets::QtKeychainStore store;
    std::optional<core::Result<secrets::SecretBytes>> value;
    store.read(entry, [&](core::Result<secrets::SecretBytes> r) { value.emplace(std::move(r)); });
    (void)QTest::qWaitFor([&] { return value.has_value(); }, 20000);
    if (!value || !value->ok())
        return std::nullopt;
    return value->value().view().toByteArray();
}

struct Http {
    int status = 0;
    QByteArray body;
    QUrl location;
};

Http get(const QUrl &url)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = nam.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Http out {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(),
        reply->header(QNetworkRequest::LocationHeader).toUrl()};
    delete reply;
    return out;
}

/// Every code and token tenant-sim issued or received.
QStringList simSecrets(const testing::TenantSim &sim)
{
    const QJsonObject object
        = QJsonDocument::fromJson(get(sim.baseUrl().resolved(QUrl(QStringLiteral("/_sim/identity-secrets")))).body)
              .object();
    QStringList out;
    for (auto it = object.begin(); it != object.end(); ++it) {
        for (const QJsonValue &v : it.value().toArray())
            out.append(v.toString());
    }
    return out;
}

}  // namespace

class TestCliLogin : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<testing::TempHome> m_home;
    QTemporaryDir m_bin;  // the stand-in xdg-open
    QString home() const { return m_home->path(); }
    QString openerLog() const { return m_bin.filePath(QStringLiteral("opened.txt")); }

    QHash<QString, QString> environment() const
    {
        return {{QStringLiteral("PATH"), m_bin.path() + u':' + qEnvironmentVariable("PATH")},
            {QStringLiteral("STOCKTAKE_TEST_OPENER_LOG"), openerLog()},
            {QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true")}};
    }

    QString addProfile(const QUrl &authority, const QStringList &extra = {})
    {
        const auto run = runCli(home(),
            QStringList {QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("sim"),
                QStringLiteral("--tenant"), kTenant, QStringLiteral("--client-id"), kClientId,
                QStringLiteral("--authority"), authority.toString(), QStringLiteral("--graph"), authority.toString()}
                + extra);
        if (run.exitCode != 0)
            qWarning("%s", qPrintable(run.err));
        return testing::profileId(home(), QStringLiteral("sim"));
    }

    QStringList openedUrls() const
    {
        QFile file(openerLog());
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    }

private Q_SLOTS:
    void initTestCase()
    {
        STOCKTAKE_REQUIRE_SECRET_SERVICE();
        QVERIFY(m_bin.isValid());
        QFile opener(m_bin.filePath(QStringLiteral("xdg-open")));
        QVERIFY(opener.open(QIODevice::WriteOnly));
        opener.write("#!/bin/sh\n"
                     "printf '%s\\n' \"$1\" >> \"$STOCKTAKE_TEST_OPENER_LOG\"\n"
                     "callback=$(curl -s -o /dev/null -w '%{redirect_url}' \"$1\")\n"
                     "[ -n \"$callback\" ] && curl -s -o /dev/null \"$callback\"\n");
        opener.close();
        QVERIFY(opener.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    }
    void init()
    {
        m_home = std::make_unique<testing::TempHome>();
        QFile::remove(openerLog());
    }
    void cleanup() { m_home.reset(); }

    void deviceCodeLoginStoresTheRefreshTokenAndLogoutDeletesIt()
    {
        testing::TenantSim sim({QStringLiteral("--auto-approve"), QStringLiteral("--interval"), QStringLiteral("1")});
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        const QString id = addProfile(sim.baseUrl());
        QVERIFY(!id.isEmpty());
        const QString entry = id + QStringLiteral("/refresh-token");

        const auto login = runCli(home(),
            {QStringLiteral("--verbose"), QStringLiteral("login"), QStringLiteral("--device-code")}, {}, environment());
        QVERIFY2(login.exitCode == 0, qPrintable(login.err));
        QVERIFY(login.out.contains(QLatin1StringView("Signed in: profile sim")));
        const QString userCode
            = QJsonDocument::fromJson(get(sim.baseUrl().resolved(QUrl(QStringLiteral("/_sim/identity-secrets")))).body)
                  .object()
                  .value(QStringLiteral("user_codes"))
                  .toArray()
                  .at(0)
                  .toString();
        QVERIFY(login.err.contains(userCode));
        QVERIFY(login.err.contains(sim.baseUrl().toString() + QStringLiteral("/devicelogin")));
        QVERIFY(login.err.contains(QLatin1StringView("only if you started this sign-in")));
        QVERIFY(openedUrls().isEmpty());  // the device flow opens nothing
        const auto stored = keychainValue(entry);
        QVERIFY(stored.has_value());
        QVERIFY(stored->startsWith("sim-rt-"));
        // A9/B8: with every debug message on, stderr shows the user code but no device code,
        // verifier or token.
        for (const QString &secret : simSecrets(sim)) {
            if (secret != userCode)
                QVERIFY2(!login.err.contains(secret), "a secret reached stderr");
        }

        const auto logout = runCli(home(), {QStringLiteral("logout")});
        QCOMPARE(logout.exitCode, 0);
        QVERIFY(logout.out.contains(QLatin1StringView("Signed out")));
        QVERIFY(!keychainValue(entry).has_value());
        QCOMPARE(runCli(home(), {QStringLiteral("logout")}).exitCode, 0);  // nothing left: still fine
    }

    void browserLoginOpensExactlyOneUrl()
    {
        testing::TenantSim sim({QStringLiteral("--auto-approve")});
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        const QString id = addProfile(sim.baseUrl());
        const auto login = runCli(home(), {QStringLiteral("login"), QStringLiteral("--browser")}, {}, environment());
        QVERIFY2(login.exitCode == 0, qPrintable(login.err));
        const QStringList opened = openedUrls();
        QCOMPARE(opened.size(), 1);
        QVERIFY(opened.constFirst().contains(QLatin1StringView("code_challenge_method=S256")));
        QVERIFY(opened.constFirst().contains(QLatin1StringView("response_type=code")));
        QVERIFY(login.err.contains(opened.constFirst()));  // shown as well, in case no browser opens
        QVERIFY(keychainValue(id + QStringLiteral("/refresh-token")).has_value());
    }

    void redirectHostOfTheProfileReachesTheRequest()
    {
        testing::TenantSim sim({QStringLiteral("--auto-approve")});
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        const QString id = addProfile(sim.baseUrl(), {QStringLiteral("--redirect-host"), QStringLiteral("127.0.0.1")});
        QVERIFY(!id.isEmpty());
        const auto login = runCli(home(), {QStringLiteral("login")}, {}, environment());
        QVERIFY2(login.exitCode == 0, qPrintable(login.err));
        QCOMPARE(openedUrls().size(), 1);
        QVERIFY2(openedUrls().constFirst().contains(QLatin1StringView("redirect_uri=http%3A%2F%2F127.0.0.1%3A")),
            qPrintable(openedUrls().constFirst()));
        m_home = std::make_unique<testing::TempHome>();
        QVERIFY(addProfile(sim.baseUrl(), {QStringLiteral("--redirect-host"), QStringLiteral("[::1]")}).isEmpty());
    }

    void noOpenPrintsTheUrlAndOpensNothing()
    {
        testing::TenantSim sim({QStringLiteral("--auto-approve")});
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        const QString id = addProfile(sim.baseUrl());
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("STOCKTAKE_HOME"), home());
        const auto extra = environment();
        for (auto it = extra.cbegin(); it != extra.cend(); ++it)
            env.insert(it.key(), it.value());
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(STOCKTAKE_CLI_PATH), {QStringLiteral("login"), QStringLiteral("--no-open")});
        QByteArray err;
        QUrl url;
        static const QRegularExpression line(
            QStringLiteral(R"(^http://127\.0\.0\.1:\d+/\S+/authorize\?\S+$)"), QRegularExpression::MultilineOption);
        QVERIFY(QTest::qWaitFor(
            [&] {
                err += cli.readAllStandardError();
                const auto m = line.match(QString::fromUtf8(err));
                if (m.hasMatch())
                    url = QUrl(m.captured(), QUrl::StrictMode);
                return url.isValid();
            },
            20000));
        // Play the browser: the sim redirects to the CLI's loopback listener.
        const Http authorize = get(url);
        QCOMPARE(authorize.status, 302);
        QCOMPARE(get(authorize.location).status, 200);
        QVERIFY(cli.waitForFinished(20000));
        QCOMPARE(cli.exitCode(), 0);
        QVERIFY(openedUrls().isEmpty());
        QVERIFY(keychainValue(id + QStringLiteral("/refresh-token")).has_value());
    }

    void declinedLoginExitsThreeWithOnePlainLine()
    {
        testing::TenantSim sim({QStringLiteral("--auto-approve"), QStringLiteral("--deny"),
            QStringLiteral("--interval"), QStringLiteral("1")});
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        addProfile(sim.baseUrl());
        const auto login = runCli(home(), {QStringLiteral("login"), QStringLiteral("--device-code")});
        QCOMPARE(login.exitCode, 3);
        const QStringList failures = login.errLines().filter(QRegularExpression(QStringLiteral("^stocktake-cli: ")));
        QCOMPARE(failures.size(), 1);
        QVERIFY(failures.constFirst().contains(QLatin1StringView("declined")));
    }

    void unreachableServiceExitsFour()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const QUrl authority(QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort()));
        closed.close();
        addProfile(authority);
        const auto login = runCli(home(), {QStringLiteral("login"), QStringLiteral("--no-open")});
        QCOMPARE(login.exitCode, 4);
        QCOMPARE(login.errLines().size(), 1);
    }

    void syncWithoutSignInExitsThree()
    {
        testing::TenantSim sim({QStringLiteral("--auto-approve")});
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        addProfile(sim.baseUrl());
        const auto sync = runCli(home(), {QStringLiteral("sync"), QStringLiteral("--only"), QStringLiteral("users")});
        QCOMPARE(sync.exitCode, 3);
        QVERIFY2(sync.err.contains(QLatin1StringView("not signed in")), qPrintable(sync.err));
    }

    void conflictingFlowsAreAUsageError()
    {
        QCOMPARE(runCli(home(), {QStringLiteral("login"), QStringLiteral("--device-code"), QStringLiteral("--browser")})
                     .exitCode,
            2);
    }
};

QTEST_GUILESS_MAIN(TestCliLogin)
#include "tst_cli_login.moc"
