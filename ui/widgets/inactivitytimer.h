// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

namespace stocktake::ui {

/// Fires `inactive()` once when the person has not touched the application for `timeout`
/// (SECURITY.md B4, after KeePassXC's InactivityTimer): an application-wide event filter
/// restarts a single-shot timer on mouse, key, wheel, touch and hover events.
class InactivityTimer : public QObject {
    Q_OBJECT

public:
    explicit InactivityTimer(QObject *parent = nullptr);
    ~InactivityTimer() override;

    /// Starts watching; `timeoutMs` of no input then fires inactive(). 0 turns locking off.
    void activate(int timeoutMs);
    void deactivate();
    [[nodiscard]] bool isActive() const { return m_active; }

Q_SIGNALS:
    void inactive();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QTimer m_timer;
    bool m_active = false;
};

}  // namespace stocktake::ui
