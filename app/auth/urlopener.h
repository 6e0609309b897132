// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QUrl>

namespace stocktake::auth {

/// Opens the authorization URL in the system browser (RFC 8252 §4.1: never an embedded web view).
/// The seam tests replace to play the browser; the GUI injects one over QDesktopServices.
class UrlOpener {
public:
    virtual ~UrlOpener() = default;
    /// True when a browser was asked to open `url`; the caller shows the URL either way.
    [[nodiscard]] virtual bool open(const QUrl &url) = 0;
};

/// A UrlOpener for programs without Qt Gui (the CLI): starts the platform's opener program
/// detached (`xdg-open` on Linux and the BSDs, `open` on macOS, `rundll32 url.dll` on Windows),
/// with the URL as a single argument and no shell in between.
class SystemUrlOpener final : public UrlOpener {
public:
    [[nodiscard]] bool open(const QUrl &url) override;
};

}  // namespace stocktake::auth
