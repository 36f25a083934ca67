#include "cli/cli.h"
#include "core/i18n.h"
#include "net/transport.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    Meridian::Net::Transport::globalInit();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("meridianctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MERIDIAN_VERSION));
    Meridian::installTranslations(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const int code = Meridian::Cli::run(app.arguments().mid(1), out, err);
    out.flush();
    err.flush();
    return code;
}
