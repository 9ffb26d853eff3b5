"""The kostenverdeling page's content is cached on the data version and the viewer's rights
(kosten.views.KostenverdelingView): each viewer sees its own links, and a change shows at once."""

from formatie.models import Bezetting
from kosten.models import Verdeelsleutel

from .test_kostenverdeling import kostenverdeling_url


def test_each_viewer_sees_the_links_of_its_own_rights(demo, regie_client, stuur_client):
    """The regiegroep edits the key, the stuurgroep reads: whoever comes first, the other
    never sees the first one's links."""
    edit = "bewerken</a>"
    for _ in range(2):
        assert edit in regie_client.get(kostenverdeling_url()).content.decode()
        assert edit not in stuur_client.get(kostenverdeling_url()).content.decode()


def test_a_change_in_the_formation_shows_at_once(demo, regie_client):
    before = regie_client.get(kostenverdeling_url()).content.decode()
    bezetting = Bezetting.objects.filter(fte__gt=0).first()
    bezetting.fte *= 2
    bezetting.save()
    after = regie_client.get(kostenverdeling_url()).content.decode()
    assert after != before


def test_a_change_in_the_key_shows_at_once(demo, regie_client):
    sleutel = Verdeelsleutel.objects.get()
    sleutel.bron = "Raadsbesluit van gisteren"
    sleutel.save()
    assert "Raadsbesluit van gisteren" in regie_client.get(kostenverdeling_url()).content.decode()
