"""A Panel dashboard: a slider and the square of its value."""
import panel as pn

pn.extension()

slider = pn.widgets.IntSlider(name="x", start=0, end=100, value=7)
pn.Column("# Squares", slider, pn.bind(lambda x: f"x² = {x * x}", slider)).servable()
