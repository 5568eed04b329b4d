"""`annotator install-desktop`: the menu entry, icon and file type on Linux desktops."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.cli.common import run


@click.command("install-desktop")
@click.option(
    "--prefix",
    type=click.Path(path_type=Path, file_okay=False),
    help="Install under this folder instead of $XDG_DATA_HOME (~/.local/share).",
)
def install_desktop_command(prefix: Path | None) -> None:
    """Add annotator to the desktop's menu and open .annotator files with it (Linux)."""
    from annotator.desktop import install

    done = run(lambda: install(prefix))
    for path in done.files:
        click.echo(f"wrote {path}")
    if done.refreshed:
        click.echo("refreshed: " + ", ".join(done.refreshed))
