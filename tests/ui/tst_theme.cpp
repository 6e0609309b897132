// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/theme.h"

#include <QApplication>
#include <QStyle>
#include <QTest>

using stocktake::ui::Theme;

class TestTheme : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void bothPalettesMeetWcagAaContrast_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("light") << int(Theme::Mode::Light);
        QTest::newRow("dark") << int(Theme::Mode::Dark);
    }
    void bothPalettesMeetWcagAaContrast()
    {
        QFETCH(int, mode);
        const QPalette p = Theme::palette(Theme::Mode(mode));
        QVERIFY(Theme::contrastRatio(p.color(QPalette::Text), p.color(QPalette::Base)) >= 4.5);
        QVERIFY(Theme::contrastRatio(p.color(QPalette::WindowText), p.color(QPalette::Window)) >= 4.5);
        QVERIFY(Theme::contrastRatio(p.color(QPalette::HighlightedText), p.color(QPalette::Highlight)) >= 4.5);
        QVERIFY(Theme::contrastRatio(p.color(QPalette::PlaceholderText), p.color(QPalette::Base)) >= 4.5);
        for (const QColor &figure : {Theme::good(p), Theme::warning(p), Theme::bad(p)})
            QVERIFY2(Theme::contrastRatio(figure, p.color(QPalette::Base)) >= 4.5, qPrintable(figure.name()));
    }

    void systemModeFollowsThePlatformLightness()
    {
        QPalette darkPlatform;
        darkPlatform.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
        QVERIFY(Theme::isDark(Theme::palette(Theme::Mode::System, darkPlatform)));
        QPalette lightPlatform;
        lightPlatform.setColor(QPalette::Window, QColor(0xee, 0xee, 0xee));
        QVERIFY(!Theme::isDark(Theme::palette(Theme::Mode::System, lightPlatform)));
    }

    void contrastRatioMatchesTheWcagDefinition()
    {
        QCOMPARE(qRound(Theme::contrastRatio(Qt::black, Qt::white) * 10), 210);
        QCOMPARE(Theme::contrastRatio(Qt::white, Qt::white), 1.0);
    }

    void applySetsFusionAndThePalette()
    {
        Theme::apply(*qApp, Theme::Mode::Dark);
        QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
        QVERIFY(Theme::isDark(QApplication::palette()));
    }
};

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
