// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "inactivitytimer.h"

#include <QCoreApplication>
#include <QEvent>

namespace stocktake::ui {

InactivityTimer::InactivityTimer(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_active)
            Q_EMIT inactive();
    });
}

InactivityTimer::~InactivityTimer()
{
    deactivate();
}

void InactivityTimer::activate(int timeoutMs)
{
    deactivate();
    if (timeoutMs <= 0)
        return;
    m_timer.setInterval(timeoutMs);
    m_active = true;
    QCoreApplication::instance()->installEventFilter(this);
    m_timer.start();
}

void InactivityTimer::deactivate()
{
    if (!m_active)
        return;
    m_active = false;
    m_timer.stop();
    if (QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
}

bool InactivityTimer::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::KeyRelease:
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::HoverMove:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
        if (m_active)
            m_timer.start();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace stocktake::ui
