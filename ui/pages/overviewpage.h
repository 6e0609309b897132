// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pages/reportpages.h"

#include <QDateTime>
#include <QWidget>

class QGridLayout;
class QLabel;

QT_BEGIN_NAMESPACE
class QChartView;
QT_END_NAMESPACE

namespace stocktake::ui {

/// One product in the chart of licence use.
struct OverviewChartRow {
    QString productName;
    qint64 purchased = 0;
    qint64 assigned = 0;
    std::optional<qint64> active;  ///< empty when activity is unknown
};

/// The figures an admin reads on Monday morning, computed off the UI thread.
struct OverviewFigures {
    qint64 appsInUse = 0;                ///< apps with a successful sign-in in 30 days
    std::optional<qint64> activePeople;  ///< empty when activity is unknown
    qint64 purchasedSeats = 0;           ///< enabled prepaid units of Enabled/Warning SKUs
    qint64 assignedSeats = 0;
    QStringList monthlyWaste;  ///< one "1,440.00 USD" per currency; empty when unknown
    qint64 riskyApps = 0;      ///< apps holding a high-privilege grant
    QDateTime asOf;
    QString activityReason;         ///< why activity is unknown, else empty
    QList<OverviewChartRow> chart;  ///< the eight largest SKUs by purchased seats, largest first
};

[[nodiscard]] core::Result<OverviewFigures> computeOverview(const store::Database &db, const PageContext &context);
/// The figures as the Overview keeps them in store::FiguresCache, and back (empty if damaged).
[[nodiscard]] QByteArray overviewToJson(const OverviewFigures &figures);
[[nodiscard]] std::optional<OverviewFigures> overviewFromJson(const QByteArray &json);

/// Overview: six cards and a chart of licence use per SKU (purchased, assigned, active). At a
/// reload it shows the figures it computed last time (store::FiguresCache) at once, marked as
/// being updated, and replaces them when it has computed them again.
class OverviewPage : public QWidget {
    Q_OBJECT

public:
    OverviewPage(PageContext context, QWidget *parent = nullptr);

    /// Recomputes the figures (after a sync or an unlock).
    void reload();
    /// Empties the cards (the app locked).
    void clear();
    [[nodiscard]] QString cardText(const QString &objectName) const;

Q_SIGNALS:
    /// The figures computed now are shown.
    void refreshed();
    /// The figures saved last time are shown, until refreshed() (or a failure) replaces them.
    void savedFiguresShown();

private:
    QLabel *addCard(int row, int column, const QString &objectName, const QString &title);
    void present(const OverviewFigures &figures);

    PageContext m_context;
    QGridLayout *m_cards;
    QChartView *m_chart;
    QLabel *m_note;
    quint64 m_generation = 0;
};

}  // namespace stocktake::ui
