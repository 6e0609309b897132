// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "theme.h"

#include <QApplication>
#include <QStyleFactory>

#include <cmath>

namespace stocktake::ui {

namespace {

QPalette lightPalette()
{
    QPalette p;
    const QColor window(0xf5, 0xf6, 0xf8);
    const QColor base(0xff, 0xff, 0xff);
    const QColor text(0x1f, 0x23, 0x28);
    const QColor muted(0x5b, 0x63, 0x6e);
    const QColor accent(0x1d, 0x5f, 0xd1);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0xf7, 0xf8, 0xfa));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::PlaceholderText, muted);
    p.setColor(QPalette::Button, base);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::ToolTipBase, text);
    p.setColor(QPalette::ToolTipText, base);
    p.setColor(QPalette::Highlight, accent);
    p.setColor(QPalette::HighlightedText, base);
    p.setColor(QPalette::Link, accent);
    p.setColor(QPalette::Mid, QColor(0xd0, 0xd5, 0xdc));
    p.setColor(QPalette::Midlight, QColor(0xe4, 0xe7, 0xeb));
    p.setColor(QPalette::Dark, QColor(0xa0, 0xa7, 0xb1));
    p.setColor(QPalette::Disabled, QPalette::Text, muted);
    p.setColor(QPalette::Disabled, QPalette::WindowText, muted);
    p.setColor(QPalette::Disabled, QPalette::ButtonText, muted);
    return p;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x1e, 0x21, 0x26);
    const QColor base(0x16, 0x18, 0x1c);
    const QColor text(0xe6, 0xe8, 0xeb);
    const QColor muted(0x9a, 0xa2, 0xad);
    const QColor accent(0x4c, 0x8d, 0xf6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x1b, 0x1e, 0x23));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::PlaceholderText, muted);
    p.setColor(QPalette::Button, QColor(0x2a, 0x2e, 0x35));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::ToolTipBase, text);
    p.setColor(QPalette::ToolTipText, base);
    p.setColor(QPalette::Highlight, accent);
    p.setColor(QPalette::HighlightedText, QColor(0x0b, 0x0d, 0x10));
    p.setColor(QPalette::Link, accent);
    p.setColor(QPalette::Mid, QColor(0x3a, 0x3f, 0x47));
    p.setColor(QPalette::Midlight, QColor(0x30, 0x34, 0x3b));
    p.setColor(QPalette::Dark, QColor(0x10, 0x12, 0x15));
    p.setColor(QPalette::Disabled, QPalette::Text, muted);
    p.setColor(QPalette::Disabled, QPalette::WindowText, muted);
    p.setColor(QPalette::Disabled, QPalette::ButtonText, muted);
    return p;
}

double channel(double c)
{
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &c)
{
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

}  // namespace

QPalette Theme::palette(Mode mode, const QPalette &platform)
{
    if (mode == Mode::System)
        mode = isDark(platform) ? Mode::Dark : Mode::Light;
    return mode == Mode::Dark ? darkPalette() : lightPalette();
}

void Theme::apply(QApplication &app, Mode mode)
{
    const QPalette platform = QApplication::palette();
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    app.setPalette(palette(mode, platform));
}

bool Theme::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

QColor Theme::good(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x4c, 0xc2, 0x7a) : QColor(0x1a, 0x7f, 0x45);
}

QColor Theme::warning(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xf0, 0xb4, 0x3c) : QColor(0x9a, 0x5b, 0x00);
}

QColor Theme::bad(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x7b, 0x72) : QColor(0xb4, 0x23, 0x18);
}

double Theme::contrastRatio(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace stocktake::ui
