// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "detailpane.h"

#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace stocktake::ui {

DetailPane::DetailPane(QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_subheading(new QLabel(this))
    , m_body(new QWidget(this))
{
    setObjectName(QStringLiteral("detailPane"));
    m_heading->setObjectName(QStringLiteral("detailHeadingLabel"));
    m_heading->setTextFormat(Qt::PlainText);
    m_subheading->setTextFormat(Qt::PlainText);
    m_subheading->setWordWrap(true);
    QFont font = m_heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    m_heading->setFont(font);
    m_subheading->setForegroundRole(QPalette::PlaceholderText);
    auto *bodyLayout = new QVBoxLayout(m_body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_subheading);
    layout->addWidget(m_body, 1);
    clear();
}

void DetailPane::clear()
{
    ++m_generation;
    m_heading->setText(tr("Nothing selected"));
    m_subheading->setText(tr("Select a row to see what it is made of."));
    present({});
}

void DetailPane::show(const QString &heading, const QString &subheading, Loader loader)
{
    const quint64 generation = ++m_generation;
    m_heading->setText(heading);
    m_subheading->setText(subheading);
    present({});
    auto *watcher = new QFutureWatcher<core::Result<QList<Section>>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;  // the selection moved on
        const auto result = watcher->result();
        if (!result) {
            present({Section {tr("Could not load the details"), {}, {}, result.error().userMessage}});
            return;
        }
        present(*result);
    });
    watcher->setFuture(QtConcurrent::run(std::move(loader)));
}

void DetailPane::present(const QList<Section> &sections)
{
    qDeleteAll(m_body->findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly));
    auto *layout = qobject_cast<QVBoxLayout *>(m_body->layout());
    for (const Section &section : sections) {
        auto *title = new QLabel(section.title, m_body);
        title->setTextFormat(Qt::PlainText);
        QFont font = title->font();
        font.setBold(true);
        title->setFont(font);
        layout->addWidget(title);
        if (!section.headers.isEmpty()) {
            auto *table = new QTableWidget(int(section.rows.size()), int(section.headers.size()), m_body);
            table->setObjectName(QStringLiteral("detailTable"));
            table->setHorizontalHeaderLabels(section.headers);
            table->verticalHeader()->setVisible(false);
            table->horizontalHeader()->setStretchLastSection(true);
            table->setEditTriggers(QAbstractItemView::NoEditTriggers);
            table->setSelectionBehavior(QAbstractItemView::SelectRows);
            table->setAccessibleName(section.title);
            for (int r = 0; r < section.rows.size(); ++r) {
                for (int c = 0; c < section.rows.at(r).size() && c < section.headers.size(); ++c)
                    table->setItem(r, c, new QTableWidgetItem(section.rows.at(r).at(c)));
            }
            table->resizeColumnsToContents();
            layout->addWidget(table, 1);
        }
        if (!section.note.isEmpty()) {
            auto *note = new QLabel(section.note, m_body);
            note->setTextFormat(Qt::PlainText);
            note->setWordWrap(true);
            layout->addWidget(note);
        }
    }
}

}  // namespace stocktake::ui
