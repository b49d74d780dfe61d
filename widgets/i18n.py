"""Installs the UI language: our `sandbox_<lang>.qm` plus Qt's own strings (dialog buttons) for it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from sandbox_app.data.resources import resource_path

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Load and install translators for `lang`; returns them so the caller keeps them alive.

    English is the source language, so its file only adds plural forms and may be absent. A missing zh_CN
    file is an error: the default UI would silently come up in English otherwise.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    QLocale.setDefault(QLocale(lang))
    ours = QTranslator(app)
    qm = resource_path("translations", f"sandbox_{lang}.qm")
    if not ours.load(str(qm)):
        if lang == "en":
            return []
        raise FileNotFoundError(f"{qm} is missing: build it with `make translations`")
    app.installTranslator(ours)
    translators = [ours]
    qt = QTranslator(app)
    if qt.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        translators.append(qt)
    return translators


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
