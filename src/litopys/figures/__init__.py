"""Figures: claims reconciled into a range and a best value, their independent origins, flags and wording,
and the one public projection of a figure that every public surface uses."""
