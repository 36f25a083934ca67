#include "theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace Meridian {

namespace {

struct StartupLook
{
    QString styleName;
    QPalette palette;
};

const StartupLook &startupLook()
{
    // Taken before the first change, so System can return to it.
    static const StartupLook look{QApplication::style()->name(), QApplication::palette()};
    return look;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x20, 0x23, 0x28);
    const QColor base(0x17, 0x1A, 0x1F);
    const QColor text(0xE6, 0xEA, 0xF0);
    const QColor disabled(0x7A, 0x82, 0x8E);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x1D, 0x21, 0x27));
    p.setColor(QPalette::ToolTipBase, QColor(0x2B, 0x30, 0x37));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x95, 0x9D, 0xA8));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x2A, 0x2E, 0x35));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xFF, 0x6B, 0x6B));
    p.setColor(QPalette::Light, QColor(0x3A, 0x40, 0x48));
    p.setColor(QPalette::Midlight, QColor(0x32, 0x37, 0x3F));
    p.setColor(QPalette::Mid, QColor(0x2A, 0x2E, 0x35));
    p.setColor(QPalette::Dark, QColor(0x12, 0x14, 0x18));
    p.setColor(QPalette::Shadow, QColor(0x08, 0x09, 0x0B));
    p.setColor(QPalette::Highlight, QColor(0x3D, 0x7B, 0xD9));
    p.setColor(QPalette::HighlightedText, QColor(0xFF, 0xFF, 0xFF));
    p.setColor(QPalette::Link, QColor(0x8A, 0xB4, 0xF8));
    p.setColor(QPalette::LinkVisited, QColor(0xC5, 0x8A, 0xF9));
    for (QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::HighlightedText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x3A, 0x40, 0x48));
    return p;
}

} // namespace

bool applyTheme(ThemeChoice theme)
{
    const StartupLook &look = startupLook();
    switch (theme) {
    case ThemeChoice::System:
        if (QApplication::style()->name() != look.styleName)
            QApplication::setStyle(QStyleFactory::create(look.styleName));
        // Only when changed: an explicit palette would stop following the desktop's.
        if (QApplication::palette() != look.palette)
            QApplication::setPalette(look.palette);
        break;
    case ThemeChoice::Light:
        if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive))
            QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(QApplication::style()->standardPalette());
        break;
    case ThemeChoice::Dark:
        if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive))
            QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
        break;
    }
    return QApplication::palette().color(QPalette::Window).lightness() < 128;
}

} // namespace Meridian
