// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// tenant-sim's mailbox, usage report and $batch over real loopback HTTP: messages never carry a
// body unless one is selected (and selecting it is a logged violation), $search/$filter/$select,
// the invoice PDFs read back with pdftotext and agree with the truth file, the report's 302 to
// a CSV on another origin that must be fetched without the bearer token, and $batch's limits.
#include "simclient.h"
#include "tenantsim.h"

#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using stocktake::testing::simArguments;
using stocktake::testing::SimClient;
using stocktake::testing::TenantSim;

namespace {

QString encoded(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

/// pdftotext's reading of a PDF (poppler-utils); empty when it fails.
QString pdfToText(const QByteArray &pdf)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("invoice.pdf"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size()) {
        return {};
    }
    file.close();
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    if (!p.waitForFinished(30000) || p.exitCode() != 0) {
        return {};
    }
    return QString::fromUtf8(p.readAllStandardOutput());
}

/// Every amount-looking token of a text, digits only ("1.234,56 €" → "123456").
QSet<QString> amounts(const QString &text)
{
    static const QRegularExpression kAmount(QStringLiteral("\\d[\\d.,]*\\d"));
    QSet<QString> out;
    auto it = kAmount.globalMatch(text);
    while (it.hasNext()) {
        out.insert(it.next().captured(0).remove(u'.').remove(u','));
    }
    return out;
}

}  // namespace

class TenantSimMailTest : public QObject {
    Q_OBJECT

    std::unique_ptr<TenantSim> m_sim;
    std::unique_ptr<SimClient> m_client;
    QJsonObject m_truth;
    QJsonArray m_messages;

private Q_SLOTS:
    void initTestCase()
    {
        m_sim = std::make_unique<TenantSim>(simArguments(400));
        QVERIFY2(m_sim->isRunning(), qPrintable(m_sim->error()));
        m_client = std::make_unique<SimClient>(*m_sim);
        QVERIFY(m_client->signIn());
        m_truth = m_client->truth();
    }

    void messagesPageWithoutBodies()
    {
        const auto first = m_client->get(QStringLiteral("/v1.0/me/messages"));
        QCOMPARE(first.status, 200);
        QCOMPARE(first.value().size(), 10);  // Outlook's default page
        QVERIFY(first.nextLink().contains(QStringLiteral("$skip=10")));
        const auto all = m_client->walk(QStringLiteral("/v1.0/me/messages?$top=1000"));
        QCOMPARE(all.failedStatus, 0);
        QCOMPARE(all.items.size(),
            m_truth.value(QStringLiteral("counts")).toObject().value(QStringLiteral("messages")).toInt());
        m_messages = all.items;
        QString previous;
        for (const QJsonValue &v : std::as_const(m_messages)) {
            const QJsonObject m = v.toObject();
            QVERIFY(!m.contains(QStringLiteral("body")) && !m.contains(QStringLiteral("uniqueBody")));
            QVERIFY(m.value(QStringLiteral("from"))
                        .toObject()
                        .value(QStringLiteral("emailAddress"))
                        .toObject()
                        .contains(QStringLiteral("address")));
            const QString received = m.value(QStringLiteral("receivedDateTime")).toString();
            QVERIFY(previous.isEmpty() || received <= previous);
            previous = received;
        }
        const auto selected
            = m_client->get(QStringLiteral("/v1.0/me/messages?$top=5&$select=id,subject,from,hasAttachments"));
        for (const QJsonValue &v : selected.value()) {
            const QStringList names = v.toObject().keys();
            QSet<QString> keys(names.begin(), names.end());
            keys.remove(QStringLiteral("@odata.etag"));
            QCOMPARE(keys,
                (QSet<QString> {QStringLiteral("id"), QStringLiteral("subject"), QStringLiteral("from"),
                    QStringLiteral("hasAttachments")}));
        }
        QVERIFY(m_client->violations().isEmpty());
    }

    void searchAndFilterNarrowTheMailbox()
    {
        const auto slack = m_client->walk(QStringLiteral("/v1.0/me/messages?$top=100&$select=from,subject&$search=")
            + encoded(QStringLiteral("\"from:slack.com\"")));
        QCOMPARE(slack.failedStatus, 0);
        QVERIFY(slack.items.size() > 10);
        for (const QJsonValue &v : slack.items) {
            QVERIFY(v.toObject()
                        .value(QStringLiteral("from"))
                        .toObject()
                        .value(QStringLiteral("emailAddress"))
                        .toObject()
                        .value(QStringLiteral("address"))
                        .toString()
                        .endsWith(QStringLiteral("slack.com")));
        }
        const auto danish = m_client->get(QStringLiteral("/v1.0/me/messages?$top=100&$select=subject&$search=")
            + encoded(QStringLiteral("\"faktura OR kvittering OR kreditnota\"")));
        QVERIFY(!danish.value().isEmpty());
        const auto recent = m_client->walk(
            QStringLiteral("/v1.0/me/messages?$top=50&$select=receivedDateTime,hasAttachments&$filter=")
            + encoded(QStringLiteral("receivedDateTime ge 2026-10-01T00:00:00Z and hasAttachments eq true")));
        QCOMPARE(recent.failedStatus, 0);
        QVERIFY(!recent.items.isEmpty());
        for (const QJsonValue &v : recent.items) {
            QVERIFY(
                v.toObject().value(QStringLiteral("receivedDateTime")).toString() >= QLatin1StringView("2026-10-01"));
            QVERIFY(v.toObject().value(QStringLiteral("hasAttachments")).toBool());
        }
        // Outlook's rules: no $search with $filter, no lambdas, $orderby first in $filter.
        QCOMPARE(m_client
                     ->get(QStringLiteral("/v1.0/me/messages?$search=invoice&$filter=")
                         + encoded(QStringLiteral("isRead eq true")))
                     .status,
            400);
        QCOMPARE(m_client
                     ->get(QStringLiteral("/v1.0/me/messages?$filter=")
                         + encoded(QStringLiteral("toRecipients/any(r:r/emailAddress/address eq 'x@y.example')")))
                     .status,
            400);
        QCOMPARE(
            m_client
                ->get(QStringLiteral("/v1.0/me/messages?$orderby=receivedDateTime%20desc&$filter=")
                    + encoded(QStringLiteral("hasAttachments eq true and receivedDateTime ge 2026-01-01T00:00:00Z")))
                .status,
            400);
        // Someone else's mailbox needs delegation the admin does not have.
        const QString other = m_client->get(QStringLiteral("/v1.0/users?$top=2&$select=id"))
                                  .value()
                                  .at(1)
                                  .toObject()
                                  .value(QStringLiteral("id"))
                                  .toString();
        QCOMPARE(m_client->get(QStringLiteral("/v1.0/users/%1/messages").arg(other)).status, 403);
        QVERIFY(m_client->violations().isEmpty());
    }

    void invoicePdfsReadBackAndMatchTheTruth()
    {
        const QJsonArray invoices = m_truth.value(QStringLiteral("invoices")).toArray();
        QCOMPARE(invoices.size(),
            m_truth.value(QStringLiteral("counts")).toObject().value(QStringLiteral("invoices")).toInt());
        QSet<QString> currencies, languages, kinds;
        bool duplicate = false;
        for (const QJsonValue &v : invoices) {
            const QJsonObject inv = v.toObject();
            currencies.insert(inv.value(QStringLiteral("currency")).toString());
            languages.insert(inv.value(QStringLiteral("language")).toString());
            kinds.insert(inv.value(QStringLiteral("kind")).toString());
            const QJsonArray messages = inv.value(QStringLiteral("messages")).toArray();
            QVERIFY(!messages.isEmpty());
            duplicate = duplicate || messages.size() > 1;
            const QJsonObject where = messages.at(0).toObject();
            const QString base = QStringLiteral("/v1.0/me/messages/%1/attachments")
                                     .arg(where.value(QStringLiteral("message_id")).toString());
            const auto list = m_client->get(base + QStringLiteral("?$select=id,name,contentType,size"));
            QCOMPARE(list.status, 200);
            const QJsonObject meta = list.value().at(0).toObject();
            QCOMPARE(meta.value(QStringLiteral("contentType")).toString(), QStringLiteral("application/pdf"));
            QVERIFY(!meta.contains(QStringLiteral("contentBytes")));
            const auto pdf = m_client->get(
                base + u'/' + where.value(QStringLiteral("attachment_id")).toString() + QStringLiteral("/$value"));
            QCOMPARE(pdf.status, 200);
            QVERIFY(pdf.body.startsWith("%PDF-1.4"));
            QCOMPARE(pdf.body.size(), meta.value(QStringLiteral("size")).toInt());
            const QString text = pdfToText(pdf.body);
            QVERIFY2(!text.isEmpty(), "pdftotext could not read an invoice");
            const QString number = inv.value(QStringLiteral("invoice_number")).toString();
            QVERIFY2(text.contains(number), qPrintable(number + QStringLiteral(" not in:\n") + text));
            QVERIFY2(text.contains(inv.value(QStringLiteral("vendor_name")).toString()), qPrintable(text));
            QString total = inv.value(QStringLiteral("total")).toString();
            total.remove(u'-').remove(u'.');
            QVERIFY2(amounts(text).contains(total), qPrintable(total + QStringLiteral(" not in:\n") + text));
        }
        QCOMPARE(currencies, (QSet<QString> {QStringLiteral("USD"), QStringLiteral("EUR"), QStringLiteral("DKK")}));
        QCOMPARE(languages, (QSet<QString> {QStringLiteral("en"), QStringLiteral("da"), QStringLiteral("de")}));
        QVERIFY(kinds.contains(QStringLiteral("credit_note")));
        QVERIFY(duplicate);
        QSet<QString> cycles;
        for (const QJsonValue &v : m_truth.value(QStringLiteral("spend")).toArray()) {
            cycles.insert(v.toObject().value(QStringLiteral("cycle")).toString());
        }
        QVERIFY(cycles.contains(QStringLiteral("monthly")) && cycles.contains(QStringLiteral("yearly"))
            && cycles.contains(QStringLiteral("quarterly")));
        QVERIFY(m_client->violations().isEmpty());
    }

    void otherAttachmentsBehaveAsOutlooks()
    {
        bool inlineSeen = false, referenceSeen = false;
        for (const QJsonValue &v : std::as_const(m_messages)) {
            const QString id = v.toObject().value(QStringLiteral("id")).toString();
            const auto list = m_client->get(QStringLiteral("/v1.0/me/messages/%1/attachments").arg(id));
            for (const QJsonValue &a : list.value()) {
                const QJsonObject att = a.toObject();
                if (att.value(QStringLiteral("isInline")).toBool()) {
                    inlineSeen = true;
                    QCOMPARE(v.toObject().value(QStringLiteral("hasAttachments")).toBool(), false);
                    QVERIFY(QByteArray::fromBase64(att.value(QStringLiteral("contentBytes")).toString().toLatin1())
                                .startsWith("GIF89a"));
                }
                if (att.value(QStringLiteral("@odata.type"))
                        .toString()
                        .endsWith(QStringLiteral("referenceAttachment"))) {
                    referenceSeen = true;
                    QCOMPARE(m_client
                                 ->get(QStringLiteral("/v1.0/me/messages/%1/attachments/%2/$value")
                                           .arg(id, att.value(QStringLiteral("id")).toString()))
                                 .status,
                        405);
                }
            }
        }
        QVERIFY(inlineSeen && referenceSeen);
    }

    void usageReportRedirectsToACsvFetchedWithoutTheToken()
    {
        const auto report = m_client->get(QStringLiteral("/v1.0/reports/getOffice365ActiveUserDetail(period='D30')"));
        QCOMPARE(report.status, 302);
        const QUrl location(QString::fromUtf8(report.headers.value("location")));
        QVERIFY(location.isValid());
        QVERIFY2(location.port() != m_sim->port(), "the download must be another origin");
        const auto csv = m_client->get(location.toString(), false);
        QCOMPARE(csv.status, 200);
        QVERIFY(csv.body.startsWith("\xEF\xBB\xBF"
                                    "Report Refresh Date,User Principal Name,Display Name,Is Deleted"));
        const int rows = static_cast<int>(csv.body.count("\r\n")) - 1;
        QCOMPARE(rows,
            m_truth.value(QStringLiteral("counts")).toObject().value(QStringLiteral("usage_report_rows")).toInt());
        QVERIFY(m_client->violations().isEmpty());
        QCOMPARE(m_client->get(QStringLiteral("/v1.0/reports/getOffice365ActiveUserDetail(period='D31')")).status, 400);
    }

    void batchAnswersUpToTwentyByIdAndSequencesDependsOn()
    {
        QJsonArray requests;
        for (int i = 0; i < 20; ++i) {
            requests.append(QJsonObject {{QStringLiteral("id"), QString::number(i)},
                {QStringLiteral("method"), QStringLiteral("GET")},
                {QStringLiteral("url"), QStringLiteral("/groups?$top=1&$select=id")}});
        }
        const auto ok
            = m_client->postJson(QStringLiteral("/v1.0/$batch"), QJsonObject {{QStringLiteral("requests"), requests}});
        QCOMPARE(ok.status, 200);
        const QJsonArray responses = ok.json().value(QStringLiteral("responses")).toArray();
        QCOMPARE(responses.size(), 20);
        QSet<QString> ids;
        for (const QJsonValue &v : responses) {
            ids.insert(v.toObject().value(QStringLiteral("id")).toString());
            QCOMPARE(v.toObject().value(QStringLiteral("status")).toInt(), 200);
            QCOMPARE(
                v.toObject().value(QStringLiteral("body")).toObject().value(QStringLiteral("value")).toArray().size(),
                1);
        }
        QCOMPARE(ids.size(), 20);

        requests.append(QJsonObject {{QStringLiteral("id"), QStringLiteral("20")},
            {QStringLiteral("method"), QStringLiteral("GET")},
            {QStringLiteral("url"), QStringLiteral("/organization")}});
        QCOMPARE(
            m_client->postJson(QStringLiteral("/v1.0/$batch"), QJsonObject {{QStringLiteral("requests"), requests}})
                .status,
            400);
        const QJsonObject twice {{QStringLiteral("id"), QStringLiteral("a")},
            {QStringLiteral("method"), QStringLiteral("GET")},
            {QStringLiteral("url"), QStringLiteral("/organization")}};
        QCOMPARE(m_client
                     ->postJson(QStringLiteral("/v1.0/$batch"),
                         QJsonObject {{QStringLiteral("requests"), QJsonArray {twice, twice}}})
                     .status,
            400);

        const QJsonArray chain {
            QJsonObject {{QStringLiteral("id"), QStringLiteral("1")}, {QStringLiteral("method"), QStringLiteral("GET")},
                {QStringLiteral("url"), QStringLiteral("/no/such/thing")}},
            QJsonObject {{QStringLiteral("id"), QStringLiteral("2")}, {QStringLiteral("method"), QStringLiteral("GET")},
                {QStringLiteral("url"), QStringLiteral("/organization")},
                {QStringLiteral("dependsOn"), QJsonArray {QStringLiteral("1")}}},
            QJsonObject {{QStringLiteral("id"), QStringLiteral("3")}, {QStringLiteral("method"), QStringLiteral("GET")},
                {QStringLiteral("url"), QStringLiteral("/reports/getOffice365ActiveUserDetail(period='D7')")}},
            QJsonObject {{QStringLiteral("id"), QStringLiteral("4")}, {QStringLiteral("method"), QStringLiteral("GET")},
                {QStringLiteral("url"), QStringLiteral("https://evil.example/v1.0/users")}}};
        const auto sequenced
            = m_client->postJson(QStringLiteral("/v1.0/$batch"), QJsonObject {{QStringLiteral("requests"), chain}});
        QCOMPARE(sequenced.status, 200);
        QHash<QString, QJsonObject> byId;
        for (const QJsonValue &v : sequenced.json().value(QStringLiteral("responses")).toArray()) {
            byId.insert(v.toObject().value(QStringLiteral("id")).toString(), v.toObject());
        }
        QCOMPARE(byId.value(QStringLiteral("1")).value(QStringLiteral("status")).toInt(), 400);
        QCOMPARE(byId.value(QStringLiteral("2")).value(QStringLiteral("status")).toInt(), 424);
        QCOMPARE(byId.value(QStringLiteral("3")).value(QStringLiteral("status")).toInt(), 302);
        QVERIFY(byId.value(QStringLiteral("3"))
                    .value(QStringLiteral("headers"))
                    .toObject()
                    .contains(QStringLiteral("Location")));
        QCOMPARE(byId.value(QStringLiteral("4")).value(QStringLiteral("status")).toInt(), 400);
    }

    void askingForABodyOrSendingTheTokenToTheDownloadIsAViolation()
    {
        // Last: everything before proved that a careful client causes none.
        QVERIFY(m_client->violations().isEmpty());
        const auto withBody = m_client->get(QStringLiteral("/v1.0/me/messages?$top=1&$select=subject,body"));
        QCOMPARE(withBody.status, 200);
        QVERIFY(withBody.value().at(0).toObject().contains(QStringLiteral("body")));
        QStringList violations = m_client->violations();
        QCOMPARE(violations.size(), 1);
        QVERIFY(violations.at(0).contains(QStringLiteral("body")));

        const auto report = m_client->get(QStringLiteral("/v1.0/reports/getOffice365ActiveUserDetail(period='D30')"));
        const QString location = QString::fromUtf8(report.headers.value("location"));
        QCOMPARE(m_client->get(location, true).status, 200);
        violations = m_client->violations();
        QCOMPARE(violations.size(), 2);
        QVERIFY(violations.at(1).contains(QStringLiteral("Authorization")));
        bool logged = false;
        for (const QJsonObject &line : m_client->requestLog()) {
            logged = logged
                || (line.value(QStringLiteral("path")).toString().startsWith(QStringLiteral("/data/download/"))
                    && line.value(QStringLiteral("authorization")).toBool()
                    && line.contains(QStringLiteral("violation")));
        }
        QVERIFY2(logged, "the download with a bearer token is not in the request log");
    }
};

QTEST_GUILESS_MAIN(TenantSimMailTest)
#include "tst_tenantsim_mail.moc"
