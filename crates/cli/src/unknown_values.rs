//! Filter values must match Zoom's exactly; a typo would silently export nobody, so say so.

use roster::{Facet, Filters, Roster, ViewSpec};

/// One warning per filter value that no user in the roster has.
pub fn warnings(roster: &Roster, filters: &Filters) -> Vec<String> {
    // The unfiltered view's facets list every value present, blanks as "".
    let everything = roster.query(&ViewSpec::default(), 0, 0).facets;
    Facet::ALL
        .into_iter()
        .flat_map(|facet| {
            let present = everything.get(facet);
            filters
                .get(facet)
                .iter()
                .filter(|wanted| !present.iter().any(|p| &p.value == *wanted))
                .map(move |value| {
                    let label = facet.column().header().to_lowercase();
                    format!(
                        "Note: no user has the {label} \"{value}\"; values must match exactly as \
                         Zoom lists them (see the app's filters or a full export)."
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect()
}
