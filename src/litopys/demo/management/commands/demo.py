import os

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from litopys.core.extensions import demo_steps
from litopys.demo.loading import demo_second_factor, demo_staff_account, load_dossier
from litopys.demo.post import publish_post
from litopys.demo.record import build_record
from litopys.evidence.custody import checkpoint


class Command(BaseCommand):
    help = _("Set up the embedded database with the demo dossier, print a staff login, and serve the site.")

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help=_("Address to listen on (default 127.0.0.1)."))
        parser.add_argument("--port", default="8000", help=_("Port to listen on (default 8000)."))
        parser.add_argument("--no-serve", action="store_true", help=_("Load everything, then stop."))

    def handle(self, *args, **options):
        say = self.stdout.write
        say(_("Preparing the database…"))
        call_command("migrate", interactive=False, verbosity=0)
        for label, step in demo_steps():
            say(f"  {label}: {step()}")
        for name, status in load_dossier():
            say(f"  {_('dossier')}: {name} ({status})")
        say(f"  {_('record')}: {build_record()}")
        post_path = publish_post()
        checkpoint()
        username, password = demo_staff_account()
        secret, codes = demo_second_factor(username)
        base = f"http://{options['host']}:{options['port']}"
        if "LITOPYS_SITE_URL" not in os.environ:
            # Canonical and share links name the address the demo is served at, not the default port.
            settings.LITOPYS_SITE_URL = base
        say("")
        say(_("Litopys demo is ready."))
        say(f"  {_('Public site')}:  {base}/")
        say(f"  {_('Demo post')}:    {base}{post_path}")
        say(f"  {_('Staff site')}:   {base}/staff/")
        say(f"  {_('Staff login')}:  {username} / {password}")
        say(f"  {_('Then a code')}:  {_('from an authenticator app given the key')} {secret}")
        say(f"                {_('or one of these recovery codes, each good once')}: {' '.join(codes)}")
        say("")
        if options["no_serve"]:
            return
        # One worker in the background does what the staff site queues (captures, OCR); it stops with the demo.
        import subprocess
        import sys

        worker = subprocess.Popen([sys.executable, "-m", "litopys", "worker", "--verbosity", "0"])
        say(f"  {_('Worker')}:       {_('one background worker runs queued jobs')} (pid {worker.pid})")
        try:
            call_command("runserver", f"{options['host']}:{options['port']}", use_reloader=False)
        finally:
            worker.terminate()
            worker.wait(timeout=30)
