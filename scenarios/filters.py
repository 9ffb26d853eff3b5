from partijen.models import Samenwerkingsverband
from regiekamer.filters import SearchFilterSet


class ScenarioFilterSet(SearchFilterSet):
    search_fields = ("naam", "afkorting", "toelichting")

    class Meta:
        model = Samenwerkingsverband
        fields = ["q"]
