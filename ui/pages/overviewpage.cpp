// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "overviewpage.h"

#include "core/money.h"
#include "insights/appreport.h"
#include "insights/licensereport.h"
#include "store/database.h"
#include "store/figurescache.h"
#include "widgets/theme.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QFrame>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHorizontalBarSeries>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QSqlQuery>
#include <QValueAxis>
#include <QtConcurrent/QtConcurrentRun>

namespace stocktake::ui {

namespace {

constexpr auto kCacheName = "overview";
constexpr int kCacheFormat = 1;

/// What the worker hands the page: figures, and whether they are the saved ones.
struct OverviewResult {
    OverviewFigures figures;
    bool saved = false;
    QDateTime savedAt;
};

}  // namespace

core::Result<OverviewFigures> computeOverview(const store::Database &db, const PageContext &context)
{
    auto options = profileReportOptions(db);
    if (!options)
        return options.error();
    // One report after the other on this one pool thread: computing the apps beside them on a
    // second thread was measured to hold the window's first paint back from 0.1 s to 1.0 s on two
    // cores (the saved figures show at once anyway).
    auto licenses = insights::licenseReport(db, context.catalog, *options);
    if (!licenses)
        return licenses.error();
    auto apps = insights::appReport(db, context.catalog, *options);
    if (!apps)
        return apps.error();
    OverviewFigures f;
    f.asOf = licenses->context.asOf;
    f.activityReason = licenses->context.activityReason;
    QList<insights::LicenseRow> largest = licenses->rows;
    std::stable_sort(
        largest.begin(), largest.end(), [](const auto &a, const auto &b) { return a.purchased > b.purchased; });
    if (largest.size() > 8)
        largest.resize(8);
    for (const auto &row : std::as_const(largest))
        f.chart.append({row.productName, row.purchased, row.assigned, row.active});
    QHash<QString, core::Money> waste;
    bool wasteKnown = licenses->context.activityKnown;
    for (const auto &row : std::as_const(licenses->rows)) {
        if (row.status == QStringLiteral("Enabled") || row.status == QStringLiteral("Warning")) {
            f.purchasedSeats += row.purchased;
            f.assignedSeats += row.assigned;
        }
        if (row.monthlyWaste) {
            const QString code = row.monthlyWaste->currency().code();
            auto it = waste.find(code);
            if (it == waste.end())
                waste.insert(code, *row.monthlyWaste);
            else if (auto sum = it->plus(*row.monthlyWaste))
                *it = *sum;
        }
    }
    if (wasteKnown) {
        for (auto it = waste.constBegin(); it != waste.constEnd(); ++it)
            f.monthlyWaste.append(core::formatDecimal(it->toDecimalString()) + u' ' + it.key());
    }
    for (const auto &app : std::as_const(apps->rows)) {
        if (app.users30d > 0)
            ++f.appsInUse;
        if (!app.riskyScopes.isEmpty())
            ++f.riskyApps;
    }
    if (licenses->context.activityKnown) {
        QSqlQuery q(db.sql());
        q.prepare(QStringLiteral("SELECT count(*) FROM users u WHERE %1 >= ?").arg(insights::lastActiveSql()));
        q.addBindValue(insights::isoUtc(licenses->context.inactiveSince()));
        if (q.exec() && q.next())
            f.activePeople = q.value(0).toLongLong();
    }
    return f;
}

QByteArray overviewToJson(const OverviewFigures &f)
{
    QJsonArray chart;
    for (const auto &row : f.chart) {
        QJsonObject o {{QStringLiteral("product"), row.productName}, {QStringLiteral("purchased"), row.purchased},
            {QStringLiteral("assigned"), row.assigned}};
        if (row.active)
            o.insert(QStringLiteral("active"), *row.active);
        chart.append(o);
    }
    QJsonObject o {{QStringLiteral("format"), kCacheFormat}, {QStringLiteral("appsInUse"), f.appsInUse},
        {QStringLiteral("purchasedSeats"), f.purchasedSeats}, {QStringLiteral("assignedSeats"), f.assignedSeats},
        {QStringLiteral("monthlyWaste"), QJsonArray::fromStringList(f.monthlyWaste)},
        {QStringLiteral("riskyApps"), f.riskyApps}, {QStringLiteral("asOf"), f.asOf.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("activityReason"), f.activityReason}, {QStringLiteral("chart"), chart}};
    if (f.activePeople)
        o.insert(QStringLiteral("activePeople"), *f.activePeople);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<OverviewFigures> overviewFromJson(const QByteArray &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    if (o.value(QStringLiteral("format")).toInt() != kCacheFormat)
        return std::nullopt;  // damaged, or written by another version: compute instead
    const auto count = [](const QJsonValue &v) -> std::optional<qint64> {
        if (!v.isDouble() || v.toInteger(-1) < 0)
            return std::nullopt;
        return v.toInteger();
    };
    OverviewFigures f;
    const auto apps = count(o.value(QStringLiteral("appsInUse")));
    const auto purchased = count(o.value(QStringLiteral("purchasedSeats")));
    const auto assigned = count(o.value(QStringLiteral("assignedSeats")));
    const auto risky = count(o.value(QStringLiteral("riskyApps")));
    if (!apps || !purchased || !assigned || !risky)
        return std::nullopt;
    f.appsInUse = *apps;
    f.purchasedSeats = *purchased;
    f.assignedSeats = *assigned;
    f.riskyApps = *risky;
    f.activePeople = count(o.value(QStringLiteral("activePeople")));
    for (const auto &v : o.value(QStringLiteral("monthlyWaste")).toArray())
        f.monthlyWaste.append(v.toString());
    f.asOf = QDateTime::fromString(o.value(QStringLiteral("asOf")).toString(), Qt::ISODate);
    f.activityReason = o.value(QStringLiteral("activityReason")).toString();
    for (const auto &v : o.value(QStringLiteral("chart")).toArray()) {
        const QJsonObject r = v.toObject();
        OverviewChartRow row;
        row.productName = r.value(QStringLiteral("product")).toString();
        row.purchased = count(r.value(QStringLiteral("purchased"))).value_or(0);
        row.assigned = count(r.value(QStringLiteral("assigned"))).value_or(0);
        row.active = count(r.value(QStringLiteral("active")));
        f.chart.append(row);
    }
    return f;
}

OverviewPage::OverviewPage(PageContext context, QWidget *parent)
    : QWidget(parent)
    , m_context(std::move(context))
    , m_cards(new QGridLayout)
    , m_chart(new QChartView(this))
    , m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("overviewPage"));
    addCard(0, 0, QStringLiteral("appsCard"), tr("Apps in use (30 days)"));
    addCard(0, 1, QStringLiteral("activePeopleCard"), tr("Active people"));
    addCard(0, 2, QStringLiteral("seatsCard"), tr("Seats used of purchased"));
    addCard(1, 0, QStringLiteral("wasteCard"), tr("Monthly license waste"));
    addCard(1, 1, QStringLiteral("riskyCard"), tr("Apps with high-privilege grants"));
    addCard(1, 2, QStringLiteral("lastSyncCard"), tr("Data as of"));
    m_chart->setObjectName(QStringLiteral("licenseChartView"));
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(260);
    m_chart->setAccessibleName(tr("License use per product"));
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    m_note->setObjectName(QStringLiteral("overviewNoteLabel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(12);
    layout->addLayout(m_cards);
    layout->addWidget(m_note);
    layout->addWidget(m_chart, 1);
    clear();
}

QLabel *OverviewPage::addCard(int row, int column, const QString &objectName, const QString &title)
{
    auto *card = new QFrame(this);
    card->setFrameShape(QFrame::StyledPanel);
    card->setAutoFillBackground(true);
    card->setBackgroundRole(QPalette::Base);
    auto *titleLabel = new QLabel(title, card);
    titleLabel->setForegroundRole(QPalette::PlaceholderText);
    auto *value = new QLabel(card);
    value->setObjectName(objectName);
    value->setTextFormat(Qt::PlainText);
    QFont font = value->font();
    font.setPointSizeF(font.pointSizeF() * 1.8);
    font.setBold(true);
    value->setFont(font);
    value->setAccessibleDescription(title);
    auto *layout = new QVBoxLayout(card);
    layout->addWidget(titleLabel);
    layout->addWidget(value);
    m_cards->addWidget(card, row, column);
    return value;
}

QString OverviewPage::cardText(const QString &objectName) const
{
    const auto *label = findChild<QLabel *>(objectName);
    return label ? label->text() : QString();
}

void OverviewPage::clear()
{
    ++m_generation;
    for (auto *label : findChildren<QLabel *>()) {
        if (label->objectName().endsWith(QStringLiteral("Card")))
            label->setText(QStringLiteral("–"));
    }
    m_note->clear();
    m_chart->setChart(new QChart);
}

void OverviewPage::reload()
{
    const quint64 generation = ++m_generation;
    using Answer = core::Result<OverviewResult>;
    auto *watcher = new QFutureWatcher<Answer>(this);
    connect(watcher, &QFutureWatcherBase::resultReadyAt, this, [this, watcher, generation](int index) {
        if (generation != m_generation)
            return;
        const Answer answer = watcher->resultAt(index);
        if (!answer) {
            m_note->setText(answer.error().userMessage);
            return;
        }
        present(answer->figures);
        if (answer->saved) {
            m_note->setText(tr("Figures as computed %1; updating…")
                                .arg(QLocale().toString(answer->savedAt.toLocalTime(), QLocale::ShortFormat)));
            Q_EMIT savedFiguresShown();
            return;
        }
        Q_EMIT refreshed();
    });
    connect(watcher, &QFutureWatcherBase::finished, watcher, &QObject::deleteLater);
    watcher->setFuture(QtConcurrent::run([context = m_context](QPromise<Answer> &promise) {
        auto db = context.connect();
        if (!db) {
            promise.addResult(Answer(db.error()));
            return;
        }
        // The saved figures first, if any; a damaged entry is simply not shown.
        if (auto saved = store::FiguresCache::read(**db, QString::fromLatin1(kCacheName)); saved && *saved) {
            if (auto figures = overviewFromJson((*saved)->value))
                promise.addResult(Answer(OverviewResult {std::move(*figures), true, (*saved)->written}));
        }
        auto figures = computeOverview(**db, context);
        if (!figures) {
            promise.addResult(Answer(figures.error()));
            return;
        }
        promise.addResult(Answer(OverviewResult {*figures, false, {}}));
        // Best effort: a sync holding the write lock just means next time computes again.
        (void)store::FiguresCache::write(
            **db, QString::fromLatin1(kCacheName), overviewToJson(*figures), QDateTime::currentDateTimeUtc());
    }));
}

void OverviewPage::present(const OverviewFigures &f)
{
    const QLocale locale;
    const auto set = [this](const QString &name, const QString &text) {
        if (auto *label = findChild<QLabel *>(name))
            label->setText(text);
    };
    set(QStringLiteral("appsCard"), locale.toString(f.appsInUse));
    set(QStringLiteral("activePeopleCard"), f.activePeople ? locale.toString(*f.activePeople) : tr("unknown"));
    set(QStringLiteral("seatsCard"),
        tr("%1 of %2").arg(locale.toString(f.assignedSeats), locale.toString(f.purchasedSeats)));
    set(QStringLiteral("wasteCard"),
        f.monthlyWaste.isEmpty() ? tr("unknown") : f.monthlyWaste.join(QStringLiteral(" + ")));
    set(QStringLiteral("riskyCard"), locale.toString(f.riskyApps));
    set(QStringLiteral("lastSyncCard"),
        f.asOf.isValid() ? locale.toString(f.asOf.toLocalTime(), QLocale::ShortFormat) : tr("never"));
    m_note->setText(f.activityReason);

    // The chart: the eight largest SKUs by purchased seats.
    QList<OverviewChartRow> rows = f.chart;
    std::reverse(rows.begin(), rows.end());  // largest at the top of a horizontal chart
    auto *purchased = new QBarSet(tr("Purchased"));
    auto *assigned = new QBarSet(tr("Assigned"));
    auto *active = new QBarSet(tr("Active"));
    QStringList names;
    qint64 max = 0;
    for (const auto &row : std::as_const(rows)) {
        names.append(row.productName.size() > 32 ? row.productName.left(31) + u'…' : row.productName);
        *purchased << double(row.purchased);
        *assigned << double(row.assigned);
        *active << double(row.active.value_or(0));
        max = std::max({max, row.purchased, row.assigned});
    }
    const QPalette pal = palette();
    purchased->setColor(pal.color(QPalette::Mid));
    assigned->setColor(pal.color(QPalette::Highlight));
    active->setColor(Theme::good(pal));
    auto *series = new QHorizontalBarSeries;
    series->append(purchased);
    series->append(assigned);
    if (f.activePeople)
        series->append(active);
    else
        delete active;
    auto *chart = new QChart;
    chart->addSeries(series);
    chart->setTitle(tr("License use per product"));
    chart->setBackgroundBrush(pal.color(QPalette::Base));
    chart->setTitleBrush(pal.color(QPalette::Text));
    chart->legend()->setLabelColor(pal.color(QPalette::Text));
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto *categories = new QBarCategoryAxis;
    categories->append(names);
    categories->setLabelsColor(pal.color(QPalette::Text));
    auto *values = new QValueAxis;
    values->setRange(0, double(std::max<qint64>(max, 1)));
    values->setLabelFormat(QStringLiteral("%d"));
    values->applyNiceNumbers();
    values->setLabelsColor(pal.color(QPalette::Text));
    chart->addAxis(categories, Qt::AlignLeft);
    chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(categories);
    series->attachAxis(values);
    m_chart->setChart(chart);
}

}  // namespace stocktake::ui
