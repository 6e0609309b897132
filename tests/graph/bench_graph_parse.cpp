// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// How fast a 999-user page goes from bytes to typed records (perf-anchors §4.1: QJsonDocument
// reads ~55 MB/s in a public benchmark). Prints pages/s and MB/s for the bounded JSON parse
// alone, the typed parser alone, and both; then a 1,000-event sign-in page through
// SignInPageReader (simdjson), bytes to records in one step. A benchmark, not a test: it prints,
// it does not judge.
//   bench_graph_parse [iterations=200]
#include "graph/jsonlimits.h"
#include "graph/parsers.h"
#include "graph/signinpage.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTextStream>

#include <cstdio>

using namespace stocktake::graph;

namespace {

QByteArray usersPage(int count)
{
    QJsonArray value;
    for (int i = 0; i < count; ++i) {
        const QString id
            = QStringLiteral("%1-0000-4000-8000-%2").arg(i, 8, 16, QLatin1Char('0')).arg(i, 12, 10, QLatin1Char('0'));
        value.append(QJsonObject {{QStringLiteral("id"), id},
            {QStringLiteral("displayName"), QStringLiteral("Person Number %1 Ångström").arg(i)},
            {QStringLiteral("userPrincipalName"), QStringLiteral("person.number%1@contoso.onmicrosoft.com").arg(i)},
            {QStringLiteral("mail"), QStringLiteral("person.number%1@contoso.com").arg(i)},
            {QStringLiteral("accountEnabled"), i % 13 != 0},
            {QStringLiteral("userType"), i % 20 == 0 ? QStringLiteral("Guest") : QStringLiteral("Member")},
            {QStringLiteral("department"), QStringLiteral("Department %1").arg(i % 40)},
            {QStringLiteral("jobTitle"), QStringLiteral("Senior Specialist %1").arg(i % 17)},
            {QStringLiteral("createdDateTime"), QStringLiteral("2021-08-02T10:30:06Z")},
            {QStringLiteral("onPremisesSyncEnabled"), QJsonValue::Null},
            {QStringLiteral("assignedLicenses"),
                QJsonArray {
                    QJsonObject {{QStringLiteral("skuId"), QStringLiteral("6fd2c87f-b296-42f0-b197-1e91e994b900")},
                        {QStringLiteral("disabledPlans"),
                            QJsonArray {QStringLiteral("a23b959c-7ce8-4e57-9140-b90eb88a9e97")}}},
                    QJsonObject {{QStringLiteral("skuId"), QStringLiteral("f30db892-07e9-47e9-837c-80727f46fd3d")},
                        {QStringLiteral("disabledPlans"), QJsonArray {}}}}},
            {QStringLiteral("licenseAssignmentStates"),
                QJsonArray {
                    QJsonObject {{QStringLiteral("skuId"), QStringLiteral("6fd2c87f-b296-42f0-b197-1e91e994b900")},
                        {QStringLiteral("assignedByGroup"), QJsonValue::Null},
                        {QStringLiteral("state"), QStringLiteral("Active")}}}},
            {QStringLiteral("manager"),
                QJsonObject {{QStringLiteral("@odata.type"), QStringLiteral("#microsoft.graph.user")},
                    {QStringLiteral("id"), QStringLiteral("1b8f5e2c-1111-4f3a-9d2c-5e7b0c1d2e3f")}}}});
    }
    return QJsonDocument(QJsonObject {{QStringLiteral("@odata.nextLink"),
                                          QStringLiteral("https://graph.microsoft.com/v1.0/users?$skiptoken=abc")},
                             {QStringLiteral("value"), value}})
        .toJson(QJsonDocument::Compact);
}

/// A page of GET /auditLogs/signIns with Endpoint::signIns()'s $select, as Graph writes it.
QByteArray signInsPage(int count)
{
    QByteArray page
        = R"json({"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns(id,createdDateTime,userId,appId,appDisplayName,status)","value":[)json";
    for (int i = 0; i < count; ++i) {
        page += QStringLiteral(R"({"id":"%1-6301-4ee5-be62-ff5a759b%2","createdDateTime":"2026-11-20T%3:%4:%5Z",)"
                               R"("userId":"6e7b768e-07e2-4810-8459-%6","appId":"de8bc8b5-d9f9-48b1-a8ad-b748da72%7",)"
                               R"("appDisplayName":"Application %7","status":{"errorCode":%8,"failureReason":%9,)"
                               R"("additionalDetails":null}},)")
                    .arg(i, 8, 16, QLatin1Char('0'))
                    .arg(i % 10000, 4, 10, QLatin1Char('0'))
                    .arg(23 - i / 60 % 24, 2, 10, QLatin1Char('0'))
                    .arg(59 - i % 60, 2, 10, QLatin1Char('0'))
                    .arg(i * 7 % 60, 2, 10, QLatin1Char('0'))
                    .arg(i * 37 % 100000, 12, 10, QLatin1Char('0'))
                    .arg(i % 97, 4, 10, QLatin1Char('0'))
                    .arg(i % 11 == 0 ? 50126 : 0)
                    .arg(i % 11 == 0 ? QStringLiteral("\"Invalid username or password.\"") : QStringLiteral("null"))
                    .toUtf8();
    }
    page.chop(1);
    page += R"(],"@odata.nextLink":"https://graph.microsoft.com/v1.0/auditLogs/signIns?$skiptoken=abc"})";
    return page;
}

void report(const char *what, int n, qint64 bytes, qint64 ns)
{
    const double s = static_cast<double>(ns) / 1e9;
    std::printf("%-28s %8.1f pages/s %8.1f MB/s  (%.2f ms/page)\n", what, n / s,
        static_cast<double>(bytes) * n / s / 1e6, s * 1000.0 / n);
}

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 200;
    const QByteArray page = usersPage(999);
    std::printf("page: 999 users, %lld bytes (%.0f B/user), %d iterations\n", static_cast<long long>(page.size()),
        static_cast<double>(page.size()) / 999.0, n);

    QElapsedTimer t;
    qint64 sink = 0;
    t.start();
    for (int i = 0; i < n; ++i) {
        sink += parseJsonObject(page)->size();
    }
    report("bounded JSON parse", n, page.size(), t.nsecsElapsed());

    const QJsonArray items = parseJsonObject(page)->value(QLatin1StringView("value")).toArray();
    t.restart();
    for (int i = 0; i < n; ++i) {
        sink += parseUsers(items).records.size();
    }
    report("typed parser (parseUsers)", n, page.size(), t.nsecsElapsed());

    t.restart();
    for (int i = 0; i < n; ++i) {
        const auto root = parseJsonObject(page);
        sink += parseUsers(root->value(QLatin1StringView("value")).toArray()).records.size();
    }
    report("bytes -> records", n, page.size(), t.nsecsElapsed());

    const QByteArray signIns = signInsPage(1000);
    std::printf("page: 1,000 sign-ins, %lld bytes (%.0f B/event)\n", static_cast<long long>(signIns.size()),
        static_cast<double>(signIns.size()) / 1000.0);
    SignInPageReader reader;
    t.restart();
    for (int i = 0; i < n; ++i) {
        sink += static_cast<qint64>(reader.read(signIns).ok() ? reader.records().size() : 0);
    }
    report("sign-ins: bytes -> records", n, signIns.size(), t.nsecsElapsed());
    std::printf("(checksum %lld)\n", static_cast<long long>(sink));
    return 0;
}
