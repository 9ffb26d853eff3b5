"""The MLW formation and key of Bijlage 1 as plain engine data (reproduces every figure)."""

from datetime import date
from decimal import Decimal as D

from kosten.verdeling import (
    FaseData,
    FormatieData,
    Kostenverdeling,
    RolData,
    Sleutel,
    calculate_kostenverdeling,
)


def mlw_formatie() -> FormatieData:
    f1 = FaseData(1, "Fase 1", date(2016, 9, 1), date(2017, 3, 31))
    f2 = FaseData(2, "Fase 2", date(2017, 4, 1), date(2017, 8, 31))
    f3 = FaseData(3, "Fase 3", date(2017, 9, 1), date(2018, 12, 31))
    rollen = [
        RolData(1, "contractmanagement", "schaal", "Weert", 11,
                bezetting={1: D("1.5"), 2: D(2), 3: D(1)}),
        RolData(2, "informatieanalyse", "uur", None, None, D(95),
                bezetting={1: D(1), 2: D("0.5")}),
        RolData(3, "business control jeugd", "schaal", "Leudal", 11,
                bezetting={1: D("0.5"), 2: D(1), 3: D("0.5")}),
        RolData(4, "beleid jeugd", "schaal", "Weert", 12, bezetting={1: D(1), 2: D(1), 3: D(1)}),
        RolData(5, "beleid wmo", "schaal", "Weert", 12, bezetting={1: D(1), 2: D(1), 3: D(1)}),
        RolData(6, "ondersteuning algemeen", "schaal", "Leudal", 8,
                bezetting={1: D("0.6"), 2: D("0.6"), 3: D("0.6")}),
        RolData(7, "ondersteuning inkoop 2017", "uur", None, None, D(81),
                bezetting={1: D("0.5")}),
        RolData(8, "inkoop 2018 projectbasis", "vast", None,
                bezetting={1: D(20000), 2: D(80000)}),
    ]  # fmt: skip
    schalen = {(8, 2016): D(58500), (11, 2016): D(83100), (12, 2016): D(93600)}
    return FormatieData([f1, f2, f3], rollen, schalen)


def mlw_sleutel() -> Sleutel:
    return Sleutel.from_percentages({"Leudal": D(36), "Nederweert": D(16), "Weert": D(48)})


def mlw_kostenverdeling() -> Kostenverdeling:
    formatie = mlw_formatie()
    sleutel = mlw_sleutel()
    return calculate_kostenverdeling(formatie, {jaar: sleutel for jaar in formatie.jaren})
