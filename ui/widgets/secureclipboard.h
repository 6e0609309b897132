// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

class QClipboard;

namespace stocktake::ui {

/// Copies personal data (names, UPNs, tables of people) so that clipboard managers leave it out
/// of their history, and clears it after a while if it is still ours (SECURITY.md B6, after
/// KeePassXC's Clipboard): `x-kde-passwordManagerHint: secret` on Linux,
/// `application/x-nspasteboard-concealed-type` on macOS and
/// `ExcludeClipboardContentFromMonitorProcessing` on Windows. Cleared again on destruction (quit).
class SecureClipboard : public QObject {
    Q_OBJECT

public:
    explicit SecureClipboard(QClipboard *clipboard, QObject *parent = nullptr);
    ~SecureClipboard() override;

    /// How long copied data stays; 0 keeps it (the setting "clear clipboard" off).
    void setClearAfterMs(int ms) { m_clearAfterMs = ms; }
    [[nodiscard]] int clearAfterMs() const { return m_clearAfterMs; }

    void copyText(const QString &text);
    /// Clears the clipboard now if it still holds what we copied.
    void clearIfOurs();

private:
    QClipboard *m_clipboard;
    QTimer m_timer;
    QString m_lastCopied;
    int m_clearAfterMs = 10'000;
};

}  // namespace stocktake::ui
