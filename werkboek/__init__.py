"""The formation workbook (.xlsx): export, import (``importeer_formatie`` and the upload page).

It spans the formatie and the verdeelsleutel (kosten), so it is an app of its own above both.
``kolommen`` defines each sheet's columns once; ``cellen`` reads one cell, ``bestand`` opens an
untrusted file within limits and checks the headers, ``lezen`` parses the sheets, ``gemeenten``
asks what the user may do to the gemeenten named, ``opslaan`` stores in bulk, ``schrijven``
exports.
"""
