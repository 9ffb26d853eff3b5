"""The scenario pages (H6: making, listing, editing) and the comparison (H7)."""
