// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QPalette>

class QApplication;

namespace stocktake::ui {

/// Light and dark palettes on the Fusion style, so the app looks the same on every platform
/// and both meet WCAG AA contrast for body text (4.5:1).
class Theme {
public:
    enum class Mode { System, Light, Dark };

    /// The palette for a mode; System picks by the platform palette's window lightness.
    [[nodiscard]] static QPalette palette(Mode mode, const QPalette &platform = QPalette());
    /// Applies the Fusion style and the palette to the whole application.
    static void apply(QApplication &app, Mode mode);

    /// Colours for figures: good (active, used), warning (inactive), bad (waste, risk), neutral.
    [[nodiscard]] static QColor good(const QPalette &palette);
    [[nodiscard]] static QColor warning(const QPalette &palette);
    [[nodiscard]] static QColor bad(const QPalette &palette);
    [[nodiscard]] static bool isDark(const QPalette &palette);

    /// WCAG 2.1 contrast ratio of two colours (1 to 21).
    [[nodiscard]] static double contrastRatio(const QColor &a, const QColor &b);
};

}  // namespace stocktake::ui
