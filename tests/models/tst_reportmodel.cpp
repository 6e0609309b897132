// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/reportmodel.h"
#include "secrets/secretbytes.h"
#include "store/database.h"
#include "temphome.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace stocktake;
using models::ReportModel;

namespace {

/// A small licence report as insights would compute it; `unknown` leaves the activity figures
/// empty, as METRICS.md wants when the tenant gives no signInActivity.
insights::ReportTable table()
{
    insights::ReportTable t;
    t.name = QStringLiteral("licenses");
    t.columns = {QStringLiteral("sku_part_number"), QStringLiteral("purchased"), QStringLiteral("inactive"),
        QStringLiteral("monthly_waste")};
    t.rows = {
        {QStringLiteral("SPE_E3"), qint64(250), qint64(40), insights::Decimal {QStringLiteral("1440.00")}},
        {QStringLiteral("POWER_BI_PRO"), qint64(30), qint64(2), insights::Decimal {QStringLiteral("199.80")}},
        {QStringLiteral("FLOW_FREE"), qint64(10000), std::monostate {}, std::monostate {}},
        {QStringLiteral("SPE_E5"), qint64(25), qint64(9), insights::Decimal {QStringLiteral("513.00")}},
    };
    return t;
}

}  // namespace

class TestReportModel : public QObject {
    Q_OBJECT

    testing::TempHome m_home;
    std::shared_ptr<secrets::SecretBytes> m_key
        = std::make_shared<secrets::SecretBytes>(secrets::SecretBytes::random(32));
    QString m_path;

    std::unique_ptr<ReportModel> makeModel(int *runs = nullptr)
    {
        auto model = std::make_unique<ReportModel>(
            [runs](const store::Database &) -> core::Result<insights::ReportTable> {
                if (runs)
                    ++*runs;
                return table();
            },
            [path = m_path, key = m_key] { return store::Database::open(path, *key); },
            QHash<QString, QString> {{QStringLiteral("sku_part_number"), QStringLiteral("SKU")}},
            QStringList {QStringLiteral("sku_part_number")});
        model->reload();
        return model;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_path = m_home.filePath(QStringLiteral("report.db"));
        store::Database::Options options;
        options.mode = store::Database::Mode::Create;
        QVERIFY(store::Database::open(m_path, *m_key, options).ok());
    }

    void computesOffTheUiThreadAndPassesTheTester()
    {
        auto model = makeModel();
        QAbstractItemModelTester tester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model->isLoading());
        QCOMPARE(model->rowCount(), 0);
        QSignalSpy refreshed(model.get(), &ReportModel::refreshed);
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(model->rowCount(), 4);
        QCOMPARE(model->columnCount(), 4);
        QCOMPARE(model->headerData(0, Qt::Horizontal).toString(), QStringLiteral("SKU"));
        QCOMPARE(model->headerData(1, Qt::Horizontal).toString(), QStringLiteral("purchased"));
        model->sort(3, Qt::DescendingOrder);
        model->setSearch(QStringLiteral("spe"));
        model->setColumnFilter(1, QStringLiteral("2"));
    }

    void sortsNumbersByValueAndUnknownLast()
    {
        auto model = makeModel();
        QSignalSpy refreshed(model.get(), &ReportModel::refreshed);
        QVERIFY(refreshed.wait(5000));
        model->sort(3, Qt::DescendingOrder);
        QCOMPARE(model->data(model->index(0, 0)).toString(), QStringLiteral("SPE_E3"));
        QCOMPARE(model->data(model->index(3, 0)).toString(), QStringLiteral("FLOW_FREE"));
        model->sort(3, Qt::AscendingOrder);
        QCOMPARE(model->data(model->index(0, 0)).toString(), QStringLiteral("POWER_BI_PRO"));
        QCOMPARE(model->data(model->index(3, 0)).toString(), QStringLiteral("FLOW_FREE"));
        model->sort(1, Qt::AscendingOrder);  // 25 < 30 < 250 < 10000, not as text
        QCOMPARE(model->data(model->index(0, 1), ReportModel::RawValueRole).toLongLong(), 25);
        QCOMPARE(model->data(model->index(3, 1), ReportModel::RawValueRole).toLongLong(), 10000);
    }

    void unknownFiguresStayEmptyNeverZero()
    {
        auto model = makeModel();
        QSignalSpy refreshed(model.get(), &ReportModel::refreshed);
        QVERIFY(refreshed.wait(5000));
        model->setSearch(QStringLiteral("flow"));
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->data(model->index(0, 2)).toString(), QString());
        QVERIFY(!model->data(model->index(0, 2), ReportModel::RawValueRole).isValid());
        QCOMPARE(model->rowValues(0).at(3), QVariant());
    }

    void clearKeepsItEmptyUntilReload()
    {
        int runs = 0;
        auto model = makeModel(&runs);
        QSignalSpy refreshed(model.get(), &ReportModel::refreshed);
        QVERIFY(refreshed.wait(5000));
        model->clear();
        QCOMPARE(model->rowCount(), 0);
        model->reload();
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(model->rowCount(), 4);
        QCOMPARE(runs, 2);
    }

    void aReloadDuringARunRunsOnceMoreAfterIt()
    {
        int runs = 0;
        auto model = makeModel(&runs);  // the first run is going now
        QSignalSpy refreshed(model.get(), &ReportModel::refreshed);
        model->reload();  // e.g. the inactivity window changed meanwhile
        model->reload();  // several requests fold into one more run
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(refreshed.count(), 1);  // only the fresh run is shown
        QCOMPARE(runs, 2);
        QCOMPARE(model->rowCount(), 4);
        QVERIFY(!model->isLoading());
    }
};

QTEST_GUILESS_MAIN(TestReportModel)
#include "tst_reportmodel.moc"
