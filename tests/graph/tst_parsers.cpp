// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/fieldreader.h"
#include "graph/jsonlimits.h"
#include "graph/parsers.h"
#include "graph/signinactivityparser.h"
#include "graph/signinpage.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace stocktake;
using namespace stocktake::graph;

namespace {

QString operator""_qs(const char *text, std::size_t size)
{
    return QString::fromUtf8(text, static_cast<qsizetype>(size));
}

QByteArray fixture(const QString &name)
{
    QFile f(QStringLiteral(QT_TESTCASE_SOURCEDIR "/fixtures/") + name);
    if (!f.open(QIODevice::ReadOnly)) {
        qFatal("missing fixture %s", qPrintable(name));
    }
    return f.readAll();
}

QJsonArray page(const QString &name)
{
    const auto root = parseJsonObject(fixture(name));
    if (!root.ok()) {
        qFatal("bad fixture %s", qPrintable(name));
    }
    return root->value(QLatin1StringView("value")).toArray();
}

struct Counts {
    qsizetype records = 0;
    qsizetype removed = 0;
    QStringList issues;  ///< "index:id"
};

template <typename T> Counts counts(const Parsed<T> &p)
{
    Counts c {p.records.size(), p.removed.size(), {}};
    for (const ParseIssue &i : p.issues) {
        c.issues << QStringLiteral("%1:%2").arg(i.index).arg(i.id);
    }
    return c;
}

Counts parseAs(const QString &resource, const QJsonArray &items)
{
    if (resource == QLatin1StringView("users")) {
        return counts(parseUsers(items));
    }
    if (resource == QLatin1StringView("groups")) {
        return counts(parseGroups(items));
    }
    if (resource == QLatin1StringView("members")) {
        return counts(parseMembers(items));
    }
    if (resource == QLatin1StringView("skus")) {
        return counts(parseSubscribedSkus(items));
    }
    if (resource == QLatin1StringView("sps")) {
        return counts(parseServicePrincipals(items));
    }
    if (resource == QLatin1StringView("grants")) {
        return counts(parseOAuth2PermissionGrants(items));
    }
    if (resource == QLatin1StringView("signins")) {
        SignInPageReader reader;
        const QByteArray body = QJsonDocument(QJsonObject {{QStringLiteral("value"), items}}).toJson();
        if (!reader.read(body).ok()) {
            qFatal("a sign-in page did not parse");
        }
        Counts c {qsizetype(reader.records().size()), 0, {}};
        for (const ParseIssue &i : reader.issues()) {
            c.issues << QStringLiteral("%1:%2").arg(i.index).arg(i.id);
        }
        return c;
    }
    if (resource == QLatin1StringView("messages")) {
        return counts(parseMailMessages(items));
    }
    if (resource == QLatin1StringView("attachments")) {
        return counts(parseAttachments(items));
    }
    if (resource == QLatin1StringView("organization")) {
        return counts(parseOrganizations(items));
    }
    qFatal("unknown resource");
}

}  // namespace

class TestParsers : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void pagesKeepGoodRecordsAndReportBadOnes_data();
    void pagesKeepGoodRecordsAndReportBadOnes();
    void userFieldsAreRead();
    void guestWithUnicodeNameAndNullSignInActivity();
    void signInActivityAbsentMeansNoPremiumData();
    void badUserProblemsNameTheField_data();
    void badUserProblemsNameTheField();
    void overlongStringsAreRejected();
    void deltaRemovedItemsAndManagerDelta();
    void subscribedSkuUnitsAndPlans();
    void servicePrincipalsAndGrants();
    void signInFields();
    void signInPageReaderIsStrict_data();
    void signInPageReaderIsStrict();
    void signInPageReaderRejectsBadPages_data();
    void signInPageReaderRejectsBadPages();
    void signInPageReaderKeepsLinksAndReusesItsBuffers();
    void mailHeadersOnly();
    void organizationAndDomains();
    void signInActivityPassNeedsOnlyTheId();
    void usageReportCsvIncludingConcealedNames();
    void usageReportWithoutUpnColumnIsTypedError();
    void nestingDepthIgnoresBracketsInStrings_data();
    void nestingDepthIgnoresBracketsInStrings();
    void utcDatetimesAreStrict_data();
    void utcDatetimesAreStrict();
};

void TestParsers::pagesKeepGoodRecordsAndReportBadOnes_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("resource");
    QTest::addColumn<int>("records");
    QTest::addColumn<int>("removed");
    QTest::addColumn<QStringList>("issues");
    QTest::newRow("users") << "users-basic.json"_qs
                           << "users"_qs << 3 << 0 << QStringList();
    QTest::newRow("bad users") << "users-bad.json"_qs
                               << "users"_qs << 1 << 0
                               << QStringList {"0:"_qs, "1:"_qs, "2:bad-enabled"_qs, "3:bad-date"_qs,
                                      "4:bad-licenses"_qs, "5:"_qs, "6:no-upn"_qs, "7:bad-signin"_qs,
                                      "8:bad-manager"_qs};
    QTest::newRow("users delta") << "users-delta.json"_qs
                                 << "users"_qs << 1 << 2 << QStringList {"3:"_qs};
    QTest::newRow("groups") << "groups.json"_qs
                            << "groups"_qs << 2 << 0 << QStringList {"2:g-3"_qs, "3:g-4"_qs};
    QTest::newRow("members") << "members.json"_qs
                             << "members"_qs << 3 << 0 << QStringList {"3:no-type"_qs, "4:odd"_qs};
    QTest::newRow("skus") << "subscribedskus.json"_qs
                          << "skus"_qs << 2 << 0
                          << QStringList {"2:sku-negative"_qs, "3:sku-no-units"_qs, "4:sku-fraction"_qs};
    QTest::newRow("service principals") << "serviceprincipals.json"_qs
                                        << "sps"_qs << 2 << 0 << QStringList {"2:sp-3"_qs, "3:sp-4"_qs};
    QTest::newRow("grants") << "grants.json"_qs
                            << "grants"_qs << 2 << 0 << QStringList {"2:grant-3"_qs, "3:grant-4"_qs};
    QTest::newRow("sign-ins") << "signins.json"_qs
                              << "signins"_qs << 2 << 0
                              << QStringList {"2:no-date"_qs, "3:bad-status"_qs, "4:local-time"_qs};
    QTest::newRow("messages") << "messages.json"_qs
                              << "messages"_qs << 2 << 0 << QStringList {"2:msg-3"_qs, "3:msg-4"_qs};
    QTest::newRow("attachments") << "attachments.json"_qs
                                 << "attachments"_qs << 2 << 0 << QStringList {"2:att-3"_qs, "3:att-4"_qs};
    QTest::newRow("organization") << "organization.json"_qs
                                  << "organization"_qs << 1 << 0 << QStringList();
}

void TestParsers::pagesKeepGoodRecordsAndReportBadOnes()
{
    QFETCH(QString, file);
    QFETCH(QString, resource);
    QFETCH(int, records);
    QFETCH(int, removed);
    QFETCH(QStringList, issues);
    const Counts c = parseAs(resource, page(file));
    QCOMPARE(c.records, records);
    QCOMPARE(c.removed, removed);
    QCOMPARE(c.issues, issues);
}

void TestParsers::userFieldsAreRead()
{
    const Parsed<User> p = parseUsers(page(QStringLiteral("users-basic.json")));
    const User &u = p.records.at(0);
    QCOMPARE(u.id, QStringLiteral("6e7b768e-07e2-4810-8459-485f84f8f204"));
    QCOMPARE(u.userPrincipalName, QStringLiteral("AdeleV@contoso.test"));
    QCOMPARE(u.accountEnabled, std::optional<bool>(true));
    QCOMPARE(u.userType, std::optional<QString>(QStringLiteral("Member")));
    QCOMPARE(u.department, std::optional<QString>(QStringLiteral("Retail")));
    QCOMPARE(
        u.createdDateTime, std::optional<QDateTime>(QDateTime(QDate(2021, 8, 2), QTime(10, 30, 6), QTimeZone::utc())));
    QVERIFY(!u.onPremisesSyncEnabled.has_value());
    QCOMPARE(u.assignedLicenses.size(), 2);
    QCOMPARE(u.assignedLicenses.at(0).skuId, QStringLiteral("6fd2c87f-b296-42f0-b197-1e91e994b900"));
    QCOMPARE(
        u.assignedLicenses.at(0).disabledPlans, QStringList {QStringLiteral("a23b959c-7ce8-4e57-9140-b90eb88a9e97")});
    QCOMPARE(u.licenseAssignmentStates.size(), 2);
    QVERIFY(!u.licenseAssignmentStates.at(0).assignedByGroup.has_value());
    QCOMPARE(u.licenseAssignmentStates.at(1).assignedByGroup,
        std::optional<QString>(QStringLiteral("c4b6e1a0-5f11-4e4e-8d65-2b0b1f1e9f01")));
    QCOMPARE(u.managerId, std::optional<QString>(QStringLiteral("1b8f5e2c-1111-4f3a-9d2c-5e7b0c1d2e3f")));
    QVERIFY(u.signInActivity.present);
    QCOMPARE(u.signInActivity.lastSignInDateTime,
        std::optional<QDateTime>(QDateTime(QDate(2025, 1, 1), QTime(0, 0), QTimeZone::utc())));
    // Seven fraction digits: milliseconds kept, the rest dropped.
    QCOMPARE(u.signInActivity.lastNonInteractiveSignInDateTime,
        std::optional<QDateTime>(QDateTime(QDate(2025, 1, 2), QTime(8, 15, 30, 123), QTimeZone::utc())));
    QCOMPARE(u.signInActivity.lastSuccessfulSignInDateTime,
        std::optional<QDateTime>(QDateTime(QDate(2025, 1, 2), QTime(8, 15, 30), QTimeZone::utc())));
}

void TestParsers::guestWithUnicodeNameAndNullSignInActivity()
{
    const Parsed<User> p = parseUsers(page(QStringLiteral("users-basic.json")));
    const User &g = p.records.at(1);
    QCOMPARE(g.displayName, QString::fromUtf8("Zoë Ångström 李小龍 👩‍💻"));
    QCOMPARE(g.userPrincipalName, QStringLiteral("zoe.angstrom_fabrikam.test#EXT#@contoso.onmicrosoft.com"));
    QCOMPARE(g.userType, std::optional<QString>(QStringLiteral("Guest")));
    QVERIFY(!g.department.has_value());
    QVERIFY(g.assignedLicenses.isEmpty());
    // Selected but null: the tenant has the data, this guest never signed in.
    QVERIFY(g.signInActivity.present);
    QVERIFY(!g.signInActivity.lastSignInDateTime.has_value());
}

void TestParsers::signInActivityAbsentMeansNoPremiumData()
{
    const Parsed<User> p = parseUsers(page(QStringLiteral("users-basic.json")));
    const User &u = p.records.at(2);
    QVERIFY(!u.signInActivity.present);
    QCOMPARE(u.accountEnabled, std::optional<bool>(false));
    QCOMPARE(u.assignedLicenses.size(), 1);
    QVERIFY(u.assignedLicenses.first().disabledPlans.isEmpty());
}

void TestParsers::badUserProblemsNameTheField_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("problem");
    QTest::newRow("no id") << 0 << "id is missing"_qs;
    QTest::newRow("numeric id") << 1 << "id is not a string"_qs;
    QTest::newRow("string bool") << 2 << "accountEnabled is not a boolean"_qs;
    QTest::newRow("offset datetime") << 3 << "createdDateTime is not an ISO 8601 UTC datetime"_qs;
    QTest::newRow("licences object") << 4 << "assignedLicenses is not an array"_qs;
    QTest::newRow("number item") << 5 << "item is not an object"_qs;
    QTest::newRow("no upn") << 6 << "userPrincipalName is missing"_qs;
    QTest::newRow("signin text") << 7 << "signInActivity.lastSignInDateTime is not an ISO 8601 UTC datetime"_qs;
    QTest::newRow("manager without id") << 8 << "manager.id is missing"_qs;
}

void TestParsers::badUserProblemsNameTheField()
{
    QFETCH(int, index);
    QFETCH(QString, problem);
    const Parsed<User> p = parseUsers(page(QStringLiteral("users-bad.json")));
    const auto it
        = std::find_if(p.issues.begin(), p.issues.end(), [index](const ParseIssue &i) { return i.index == index; });
    QVERIFY(it != p.issues.end());
    QCOMPARE(it->problem, problem);
}

void TestParsers::overlongStringsAreRejected()
{
    QJsonArray items {QJsonObject {{QStringLiteral("id"), QStringLiteral("long-name")},
                          {QStringLiteral("userPrincipalName"), QStringLiteral("x@contoso.test")},
                          {QStringLiteral("displayName"), QString(600, u'x')}},
        QJsonObject {{QStringLiteral("id"), QString(600, u'i')},
            {QStringLiteral("userPrincipalName"), QStringLiteral("y@c.test")}},
        QJsonObject {{QStringLiteral("id"), QStringLiteral("ok")},
            {QStringLiteral("userPrincipalName"), QStringLiteral("z@c.test")},
            {QStringLiteral("displayName"), QString(512, u'x')}}};
    const Parsed<User> p = parseUsers(items);
    QCOMPARE(p.records.size(), 1);
    QCOMPARE(p.issues.size(), 2);
    QCOMPARE(p.issues.at(0).problem, QStringLiteral("displayName is longer than 512 characters"));
    QCOMPARE(p.issues.at(1).problem, QStringLiteral("id is longer than 512 characters"));
    QCOMPARE(p.issues.at(1).id.size(), 128);  // the reported id is cut short too
}

void TestParsers::deltaRemovedItemsAndManagerDelta()
{
    const Parsed<User> p = parseUsers(page(QStringLiteral("users-delta.json")));
    QCOMPARE(p.removed.size(), 2);
    QCOMPARE(p.removed.at(0).id, QStringLiteral("del-1"));
    QCOMPARE(p.removed.at(0).reason, QStringLiteral("deleted"));
    QCOMPARE(p.removed.at(1).reason, QStringLiteral("changed"));
    QCOMPARE(p.records.first().managerId, std::optional<QString>(QStringLiteral("new-manager")));
    QCOMPARE(p.issues.first().problem, QStringLiteral("id is missing"));
}

void TestParsers::subscribedSkuUnitsAndPlans()
{
    const Parsed<SubscribedSku> p = parseSubscribedSkus(page(QStringLiteral("subscribedskus.json")));
    const SubscribedSku &s = p.records.at(0);
    QCOMPARE(s.skuPartNumber, QStringLiteral("ENTERPRISEPREMIUM"));
    QCOMPARE(s.skuId, QStringLiteral("c7df2760-2c81-4ef7-b578-5b5392b571df"));
    QCOMPARE(s.capabilityStatus, QStringLiteral("Enabled"));
    QCOMPARE(s.consumedUnits, 14);
    QCOMPARE(s.prepaidUnits.enabled, 25);
    QCOMPARE(s.prepaidUnits.warning, 2);
    QCOMPARE(s.servicePlans.size(), 2);
    QCOMPARE(s.servicePlans.at(1).servicePlanName, QStringLiteral("EXCHANGE_S_ENTERPRISE"));
    QCOMPARE(s.servicePlans.at(1).provisioningStatus, std::optional<QString>(QStringLiteral("PendingActivation")));
    QCOMPARE(p.records.at(1).prepaidUnits.suspended, 10);
    QCOMPARE(p.issues.at(0).problem, QStringLiteral("a unit count is negative"));
    QCOMPARE(p.issues.at(1).problem, QStringLiteral("prepaidUnits is missing"));
    QCOMPARE(p.issues.at(2).problem, QStringLiteral("consumedUnits is not a whole number in range"));
}

void TestParsers::servicePrincipalsAndGrants()
{
    const Parsed<ServicePrincipal> sps = parseServicePrincipals(page(QStringLiteral("serviceprincipals.json")));
    QCOMPARE(sps.records.at(1).displayName, QStringLiteral("Slack"));
    QCOMPARE(sps.records.at(1).publisherName, std::optional<QString>(QStringLiteral("Slack Technologies")));
    QCOMPARE(sps.records.at(1).tags,
        (QStringList {QStringLiteral("WindowsAzureActiveDirectoryIntegratedApp"), QStringLiteral("HideApp")}));
    QCOMPARE(sps.records.at(0).appOwnerOrganizationId,
        std::optional<QString>(QStringLiteral("f8cdef31-a31e-4b4a-93e4-5f571e91255a")));
    const Parsed<OAuth2PermissionGrant> grants = parseOAuth2PermissionGrants(page(QStringLiteral("grants.json")));
    QCOMPARE(grants.records.at(0).consentType, QStringLiteral("AllPrincipals"));
    QVERIFY(!grants.records.at(0).principalId.has_value());
    QCOMPARE(grants.records.at(0).scopes,
        (QStringList {QStringLiteral("openid"), QStringLiteral("profile"), QStringLiteral("User.Read"),
            QStringLiteral("Mail.Read")}));
    QCOMPARE(grants.records.at(1).principalId,
        std::optional<QString>(QStringLiteral("6e7b768e-07e2-4810-8459-485f84f8f204")));
}

void TestParsers::signInFields()
{
    SignInPageReader reader;
    const auto envelope = reader.read(fixture(QStringLiteral("signins.json")));
    QVERIFY(envelope.ok());
    QCOMPARE(envelope->items, std::optional<qsizetype>(5));
    QCOMPARE(reader.records().size(), std::size_t {2});
    const SignInView &a = reader.records().at(0);
    QCOMPARE(a.id, std::string_view("66ea54eb-6301-4ee5-be62-ff5a759b0100"));
    QCOMPARE(a.created, std::string_view("2025-01-02T13:03:21Z"));
    QCOMPARE(a.createdMs, QDateTime(QDate(2025, 1, 2), QTime(13, 3, 21), QTimeZone::utc()).toMSecsSinceEpoch());
    QCOMPARE(a.appDisplayName, std::optional<std::string_view>("Graph Explorer"));
    QCOMPARE(a.errorCode, 0);
    // The fixture is a whole Graph page: location, device and the rest are there and ignored.
    QCOMPARE(a.userId, std::optional<std::string_view>("6e7b768e-07e2-4810-8459-485f84f8f204"));
    const SignInView &b = reader.records().at(1);
    QCOMPARE(b.errorCode, 50126);
    QCOMPARE(b.createdMs % 1000, 123);
    QCOMPARE(b.created, std::string_view("2025-01-02T13:01:00Z"));  // stored in whole seconds
    QStringList problems;
    for (const ParseIssue &i : reader.issues()) {
        problems << QStringLiteral("%1:%2:%3").arg(i.index).arg(i.id, i.problem);
    }
    QCOMPARE(problems,
        (QStringList {"2:no-date:createdDateTime is missing"_qs, "3:bad-status:status.errorCode is not a number"_qs,
            "4:local-time:createdDateTime is not an ISO 8601 UTC datetime"_qs}));
}

void TestParsers::signInPageReaderIsStrict_data()
{
    // One record per row: its JSON (inside {"value":[…]}), then the problem FieldReader's rules
    // give (empty: the record is kept).
    QTest::addColumn<QByteArray>("record");
    QTest::addColumn<QString>("problem");
    const QByteArray ok = R"("createdDateTime":"2024-02-29T23:59:59Z")";
    const auto with = [&ok](const QByteArray &fields) -> QByteArray {
        return "{\"id\":\"e1\"," + ok + "," + fields + "}";
    };
    const auto withId = [&ok](const QByteArray &id) -> QByteArray {
        return "{\"id\":" + id + "," + ok + "}";
    };
    QTest::newRow("minimal") << withId("\"e1\"") << QString();
    QTest::newRow("nulls are absent") << with(R"("userId":null,"appId":null,"appDisplayName":null,"status":null)")
                                      << QString();
    QTest::newRow("unknown fields") << with(R"("location":{"city":"Zürich"},"riskDetail":[1,2,{}])") << QString();
    QTest::newRow("no id") << QByteArray("{" + ok + "}") << "id is missing"_qs;
    QTest::newRow("null id") << withId("null") << "id is missing"_qs;
    QTest::newRow("empty id") << withId("\"\"") << "id is empty"_qs;
    QTest::newRow("numeric id") << withId("7") << "id is not a string"_qs;
    QTest::newRow("control character in id") << withId("\"e\\u0007\"") << "id holds a forbidden character"_qs;
    QTest::newRow("id of 512") << withId('"' + QByteArray(512, 'x') + '"') << QString();
    QTest::newRow("id of 513") << withId('"' + QByteArray(513, 'x') + '"') << "id is longer than 512 characters"_qs;
    QTest::newRow("no time") << QByteArray(R"({"id":"e1"})") << "createdDateTime is missing"_qs;
    QTest::newRow("not a leap year") << QByteArray(R"({"id":"e1","createdDateTime":"2025-02-29T00:00:00Z"})")
                                     << "createdDateTime is not an ISO 8601 UTC datetime"_qs;
    QTest::newRow("hour 24") << QByteArray(R"({"id":"e1","createdDateTime":"2025-01-02T24:00:00Z"})")
                             << "createdDateTime is not an ISO 8601 UTC datetime"_qs;
    QTest::newRow("year 0") << QByteArray(R"({"id":"e1","createdDateTime":"0000-01-01T00:00:00Z"})")
                            << "createdDateTime is not an ISO 8601 UTC datetime"_qs;
    QTest::newRow("an offset") << QByteArray(R"({"id":"e1","createdDateTime":"2025-01-02T13:00:00+01:00"})")
                               << "createdDateTime is not an ISO 8601 UTC datetime"_qs;
    QTest::newRow("ten fraction digits") << QByteArray(
        R"({"id":"e1","createdDateTime":"2025-01-02T13:00:00.1234567890Z"})")
                                         << "createdDateTime is not an ISO 8601 UTC datetime"_qs;
    QTest::newRow("+00:00 and nine digits")
        << QByteArray(R"({"id":"e1","createdDateTime":"2025-01-02t13:00:00.123456789+00:00"})") << QString();
    QTest::newRow("userId a number") << with(R"("userId":5)") << "userId is not a string"_qs;
    QTest::newRow("appId empty") << with(R"("appId":"")") << "appId is empty"_qs;
    // Lengths count as QString does: 512 two-byte letters fit, 513 do not; an emoji counts two.
    QTest::newRow("name of 512 letters") << with(QByteArray("\"appDisplayName\":\"" + QString(512, u'é').toUtf8()
        + "\"")) << QString();
    QTest::newRow("name of 513 letters") << with(QByteArray("\"appDisplayName\":\"" + QString(513, u'é').toUtf8()
        + "\"")) << "appDisplayName is longer than 512 characters"_qs;
    QTest::newRow("511 letters and an emoji")
        << with(QByteArray("\"appDisplayName\":\"" + QByteArray(511, 'a') + "\xF0\x9F\x98\x80\""))
        << "appDisplayName is longer than 512 characters"_qs;
    QTest::newRow("status a string") << with(R"("status":"ok")") << "status is not an object"_qs;
    QTest::newRow("errorCode a fraction")
        << with(R"("status":{"errorCode":1.5})") << "status.errorCode is not a whole number in range"_qs;
    QTest::newRow("errorCode beyond 2^53")
        << with(R"("status":{"errorCode":9007199254740993})") << "status.errorCode is not a whole number in range"_qs;
    QTest::newRow("errorCode as a whole double") << with(R"("status":{"errorCode":50126.0})") << QString();
    QTest::newRow("errorCode a boolean") << with(R"("status":{"errorCode":true})")
                                         << "status.errorCode is not a number"_qs;
    QTest::newRow("the first problem wins")
        << QByteArray(R"({"id":"","createdDateTime":"x","userId":1})") << "id is empty"_qs;
}

void TestParsers::signInPageReaderIsStrict()
{
    QFETCH(QByteArray, record);
    QFETCH(QString, problem);
    SignInPageReader reader;
    const auto envelope = reader.read(QByteArray("{\"value\":[" + record + "]}"));
    QVERIFY2(envelope.ok(), qPrintable(envelope.ok() ? QString() : envelope.error().detail));
    QCOMPARE(envelope->items, std::optional<qsizetype>(1));
    if (problem.isEmpty()) {
        QCOMPARE(reader.records().size(), std::size_t {1});
        QVERIFY(reader.issues().isEmpty());
        return;
    }
    QCOMPARE(reader.records().size(), std::size_t {0});
    QCOMPARE(reader.issues().size(), 1);
    QCOMPARE(reader.issues().at(0).index, 0);
    QCOMPARE(reader.issues().at(0).problem, problem);
}

void TestParsers::signInPageReaderRejectsBadPages_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    const auto nested = [](int depth) -> QByteArray {
        return "{\"value\":[],\"x\":" + QByteArray(depth - 1, '[') + QByteArray(depth - 1, ']') + "}";
    };
    QTest::newRow("cut short") << QByteArray(R"({"value":[{"id":"e1","createdDateTime":"2025-01-02T13:0)")
                               << "graph.malformed_json"_qs;
    QTest::newRow("not JSON") << QByteArray("<html>busy</html>") << "graph.malformed_json"_qs;
    QTest::newRow("a root array") << QByteArray("[]") << "graph.malformed_json"_qs;
    QTest::newRow("bad UTF-8") << QByteArray("{\"value\":[],\"x\":\"\xC3\x28\"}") << "graph.malformed_json"_qs;
    QTest::newRow("trailing garbage") << QByteArray(R"({"value":[]} x)") << "graph.malformed_json"_qs;
    QTest::newRow("64 levels deep") << nested(64) << QString();
    QTest::newRow("65 levels deep") << nested(65) << "graph.malformed_json"_qs;
    QTest::newRow("too large") << QByteArray(R"({"value":[],"pad":")" + QByteArray(2048, 'x') + "\"}")
                               << "graph.body_too_large"_qs;
}

void TestParsers::signInPageReaderRejectsBadPages()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    // Deep nesting is the JSON limits' own; the size limit is set low for the last row.
    JsonLimits limits;
    limits.maxBytes = 1024;
    SignInPageReader reader;
    QVERIFY(reader.read(R"({"value":[{"id":"e1","createdDateTime":"2025-01-02T13:00:00Z"}]})", limits).ok());
    const auto envelope = reader.read(body, limits);
    if (code.isEmpty()) {
        QVERIFY2(envelope.ok(), qPrintable(envelope.ok() ? QString() : envelope.error().detail));
        QCOMPARE(jsonNestingDepth(body, 100), 64);
        return;
    }
    QVERIFY(!envelope.ok());
    QCOMPARE(envelope.error().code, code);
    QVERIFY(reader.records().empty());  // nothing of the page before is left behind
}

void TestParsers::signInPageReaderKeepsLinksAndReusesItsBuffers()
{
    SignInPageReader reader;
    const QByteArray first
        = R"({"@odata.context":"x","@odata.nextLink":"https://graph.microsoft.com/v1.0/auditLogs/signIns?$skiptoken=a",
        "value":[{"id":"e1","createdDateTime":"2025-01-02T13:00:00.5z","appId":"DE8BC8B5-D9F9-48B1-A8AD-B748DA725064"}]})";
    const auto one = reader.read(first);
    QVERIFY(one.ok());
    QCOMPARE(one->nextLink.toString(), "https://graph.microsoft.com/v1.0/auditLogs/signIns?$skiptoken=a"_qs);
    QVERIFY(one->deltaLink.isUndefined());
    QVERIFY(one->count.isUndefined());
    QCOMPARE(reader.records().at(0).appId, std::optional<std::string_view>("de8bc8b5-d9f9-48b1-a8ad-b748da725064"));
    QCOMPARE(reader.records().at(0).created, std::string_view("2025-01-02T13:00:00Z"));
    // A second page in the same reader: new views, links as sent (a number is not a link).
    QByteArray second = R"({"@odata.nextLink":7,"@odata.count":12,"value":[)";
    for (int i = 0; i < 3000; ++i) {  // larger than the first page and the arena's first block
        second += QStringLiteral(R"({"id":"e%1","createdDateTime":"2025-01-02T13:00:00.%2Z","appId":"A%1"},)")
                      .arg(i)
                      .arg(i % 10)
                      .toUtf8();
    }
    second.chop(1);
    second += "]}";
    const auto two = reader.read(second);
    QVERIFY(two.ok());
    QVERIFY(two->nextLink.isDouble());
    QCOMPARE(two->count.toDouble(), 12.0);
    QCOMPARE(reader.records().size(), std::size_t {3000});
    for (int i = 0; i < 3000; ++i) {
        const SignInView &s = reader.records().at(std::size_t(i));
        QCOMPARE(QByteArray(s.id.data(), qsizetype(s.id.size())), "e" + QByteArray::number(i));
        QCOMPARE(QByteArray(s.appId->data(), qsizetype(s.appId->size())), "a" + QByteArray::number(i));
        QCOMPARE(s.created, std::string_view("2025-01-02T13:00:00Z"));
        QCOMPARE(s.createdMs % 1000, (i % 10) * 100);
    }
    // No value array: the envelope says so, PagedQuery turns it into an error.
    const auto three = reader.read(R"({"value":{"id":"e1"}})");
    QVERIFY(three.ok());
    QVERIFY(!three->items.has_value());
}

void TestParsers::mailHeadersOnly()
{
    const Parsed<MailMessage> p = parseMailMessages(page(QStringLiteral("messages.json")));
    const MailMessage &m = p.records.at(0);
    QVERIFY(m.id.endsWith(QStringLiteral("AAA=")));
    QCOMPARE(m.subject, QStringLiteral("Your invoice INV-2025-001 from Slack"));
    QVERIFY(m.hasAttachments);
    QCOMPARE(m.from->address, QStringLiteral("feedback@slack.com"));
    QCOMPARE(m.sender->name, QStringLiteral("Slack"));
    QVERIFY(!p.records.at(1).from.has_value());
    QCOMPARE(p.records.at(1).subject, QString());
    const Parsed<AttachmentInfo> a = parseAttachments(page(QStringLiteral("attachments.json")));
    QCOMPARE(a.records.at(0).size, 48213);
    QCOMPARE(a.records.at(0).contentType, std::optional<QString>(QStringLiteral("application/pdf")));
    QCOMPARE(a.records.at(1).odataType, QStringLiteral("#microsoft.graph.itemAttachment"));
}

void TestParsers::organizationAndDomains()
{
    const Parsed<Organization> p = parseOrganizations(page(QStringLiteral("organization.json")));
    const Organization &o = p.records.first();
    QCOMPARE(o.displayName, QStringLiteral("Contoso"));
    QCOMPARE(o.verifiedDomains.size(), 2);
    QVERIFY(o.verifiedDomains.at(0).isDefault);
    QVERIFY(o.verifiedDomains.at(1).isInitial);
}

void TestParsers::signInActivityPassNeedsOnlyTheId()
{
    const Parsed<UserSignInActivity> p = parseUserSignInActivities(page(QStringLiteral("signinactivity.json")));
    QCOMPARE(p.records.size(), 3);
    QCOMPARE(p.records.at(0).userId, QStringLiteral("u-1"));
    QCOMPARE(p.records.at(0).activity.lastSuccessfulSignInDateTime,
        std::optional<QDateTime>(QDateTime(QDate(2024, 12, 31), QTime(23, 59, 59), Qt::UTC)));
    QVERIFY(!p.records.at(0).activity.lastNonInteractiveSignInDateTime.has_value());
    QVERIFY(!p.records.at(1).activity.lastSignInDateTime.has_value());
    QVERIFY(!p.records.at(2).activity.lastSignInDateTime.has_value());
    QCOMPARE(p.issues.size(), 2);
    QCOMPARE(p.issues.at(0).id, QStringLiteral("u-bad"));
    QCOMPARE(p.issues.at(1).problem, QStringLiteral("id is missing"));
}

void TestParsers::usageReportCsvIncludingConcealedNames()
{
    const auto r = parseOffice365ActiveUserDetail(fixture(QStringLiteral("office365-active-user-detail.csv")));
    QVERIFY(r.ok());
    QCOMPARE(r->records.size(), 3);
    const UsageRecord &a = r->records.at(0);
    QCOMPARE(a.userPrincipalName, QStringLiteral("AdeleV@contoso.test"));
    QCOMPARE(a.reportRefreshDate, std::optional<QDate>(QDate(2025, 1, 31)));
    QVERIFY(a.hasExchangeLicense && a.hasTeamsLicense && !a.hasYammerLicense);
    QCOMPARE(a.lastExchange, std::optional<QDate>(QDate(2025, 1, 30)));
    QCOMPARE(a.lastOneDrive, std::optional<QDate>(QDate(2025, 1, 29)));
    QVERIFY(!a.lastSharePoint.has_value());
    QCOMPARE(a.assignedProducts, (QStringList {QStringLiteral("OFFICE 365 E3"), QStringLiteral("MICROSOFT TEAMS")}));
    QVERIFY(!a.concealed);
    const UsageRecord &g = r->records.at(1);
    QCOMPARE(g.displayName, QString::fromUtf8("Ångström, Zoë"));  // a quoted comma
    QVERIFY(g.assignedProducts.isEmpty());
    const UsageRecord &c = r->records.at(2);
    QVERIFY(c.concealed);
    QCOMPARE(c.lastTeams, std::optional<QDate>(QDate(2025, 1, 27)));
    QCOMPARE(r->issues.size(), 1);
    QCOMPARE(r->issues.first().index, 3);
    QVERIFY(r->issues.first().id.isEmpty());  // a UPN is personal data: never in an issue
}

void TestParsers::usageReportWithoutUpnColumnIsTypedError()
{
    const auto r
        = parseOffice365ActiveUserDetail(QByteArrayView("Report Refresh Date,Display Name\r\n2025-01-31,A\r\n"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("graph.malformed_report"));
    const auto unterminated = parseOffice365ActiveUserDetail(QByteArrayView("User Principal Name\r\n\"abc"));
    QVERIFY(unterminated.ok());
    QCOMPARE(unterminated->records.size(), 0);
    QCOMPARE(unterminated->issues.size(), 1);
    QVERIFY(!parseOffice365ActiveUserDetail(QByteArrayView("")).ok());
}

void TestParsers::nestingDepthIgnoresBracketsInStrings_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("depth");
    QTest::newRow("flat") << QByteArray(R"({"a":1})") << 1;
    QTest::newRow("nested") << QByteArray(R"({"a":[{"b":[]}]})") << 4;
    QTest::newRow("brackets in string") << QByteArray(R"({"a":"[[[{{{"})") << 1;
    QTest::newRow("escaped quote") << QByteArray(R"({"a":"x\"[[[","b":[1]})") << 2;
    QTest::newRow("escaped backslash") << QByteArray(R"({"a":"x\\","b":[[1]]})") << 3;
    QTest::newRow("three backslashes") << QByteArray(R"({"a":"x\\\"[[","b":[1]})") << 2;
    QTest::newRow("unterminated") << QByteArray(R"({"a":[ "[[[[)") << 2;
}

void TestParsers::nestingDepthIgnoresBracketsInStrings()
{
    QFETCH(QByteArray, json);
    QFETCH(int, depth);
    QCOMPARE(jsonNestingDepth(json, 64), depth);
}

void TestParsers::utcDatetimesAreStrict_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("Z") << "2025-01-02T03:04:05Z"_qs << true;
    QTest::newRow("+00:00") << "2025-01-02T03:04:05+00:00"_qs << true;
    QTest::newRow("fraction 7") << "2025-01-02T03:04:05.1234567Z"_qs << true;
    QTest::newRow("fraction 1") << "2025-01-02T03:04:05.1Z"_qs << true;
    QTest::newRow("year 1") << "0001-01-01T00:00:00Z"_qs << true;
    QTest::newRow("leap day of a century") << "2000-02-29T23:59:59.999Z"_qs << true;
    QTest::newRow("not a leap century") << "1900-02-29T00:00:00Z"_qs << false;
    QTest::newRow("year 9999") << "9999-12-31T23:59:59Z"_qs << true;
    QTest::newRow("year 0") << "0000-06-01T00:00:00Z"_qs << false;
    QTest::newRow("offset") << "2025-01-02T03:04:05+01:00"_qs << false;
    QTest::newRow("no zone") << "2025-01-02T03:04:05"_qs << false;
    QTest::newRow("space") << "2025-01-02 03:04:05Z"_qs << false;
    QTest::newRow("month 13") << "2025-13-02T03:04:05Z"_qs << false;
    QTest::newRow("feb 30") << "2025-02-30T03:04:05Z"_qs << false;
    QTest::newRow("hour 24") << "2025-01-02T24:00:00Z"_qs << false;
    QTest::newRow("fraction 10") << "2025-01-02T03:04:05.1234567890Z"_qs << false;
    QTest::newRow("empty fraction") << "2025-01-02T03:04:05.Z"_qs << false;
    QTest::newRow("date only") << "2025-01-02"_qs << false;
    QTest::newRow("unicode digits") << QString::fromUtf8("２０２５-01-02T03:04:05Z") << false;
}

void TestParsers::utcDatetimesAreStrict()
{
    QFETCH(QString, text);
    QFETCH(bool, accepted);
    const auto dt = FieldReader::parseUtc(text);
    QCOMPARE(dt.has_value(), accepted);
    // The UTF-8 form (sign-in pages) takes the same texts, to the same instant.
    const QByteArray utf8 = text.toUtf8();
    const auto ms = FieldReader::parseUtcMs(std::string_view(utf8.constData(), std::size_t(utf8.size())));
    QCOMPARE(ms.has_value(), accepted);
    if (dt) {
        QCOMPARE(dt->timeSpec(), Qt::UTC);
        QCOMPARE(*ms, dt->toMSecsSinceEpoch());
        // Against Qt's own calendar, not only the shared grammar.
        const QDateTime qt = QDateTime::fromString(text.left(19), Qt::ISODate);
        QCOMPARE(dt->toMSecsSinceEpoch() / 1000, QDateTime(qt.date(), qt.time(), Qt::UTC).toSecsSinceEpoch());
    }
}

QTEST_GUILESS_MAIN(TestParsers)
#include "tst_parsers.moc"
