import pytest

from regiekamer.demo import read_fixture
from scenarios.demo import load_g12_record, load_scenarios_record


@pytest.fixture
def scenario_demo(demo):
    """The demo with what ``laad_demo`` adds for issue 20 (the shared ``demo`` leaves it out):
    MLW's scenario's ML7 and MLNL (seed 004) and G12 in preparation (seed 001)."""
    load_scenarios_record(read_fixture("scenarios_mlw.json"))
    load_g12_record(read_fixture("g12.json"))
