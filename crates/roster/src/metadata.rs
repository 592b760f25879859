//! What a screen needs to know about the columns, facets, status words and export formats, gathered
//! from the one place each is defined. The app hands it to its web page as the constant `METADATA`
//! of the generated bindings, so the page keeps no copy that could drift from the engine's.

use serde::Serialize;

use crate::column::STATUS_WORDS;
use crate::export::{CsvOptions, CsvStyle, Delimiter, ExportFormat};
use crate::{Column, Facet, MULTI_VALUE_SEPARATOR};

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Metadata {
    /// Every column, in the table's default order.
    pub columns: Vec<ColumnInfo>,
    /// The facets, in the sidebar's order.
    pub facets: Vec<FacetInfo>,
    /// What joins the values of a multi-valued cell.
    pub list_separator: &'static str,
    pub status_words: Vec<StatusWord>,
    /// The export menu, the one-click choice first.
    pub export_choices: Vec<ExportChoice>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ColumnInfo {
    pub id: Column,
    pub label: &'static str,
    pub shown_by_default: bool,
    /// Pixels.
    pub default_width: u32,
    pub multi_valued: bool,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FacetInfo {
    pub id: Facet,
    pub label: &'static str,
    pub multi_valued: bool,
}

/// A status as Zoom sends it and as people read it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StatusWord {
    pub sent: &'static str,
    pub shown: &'static str,
}

/// One entry of the export menu.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ExportChoice {
    pub label: &'static str,
    pub help: &'static str,
    pub format: ExportFormat,
    /// The file name extension the format is written with, without the dot.
    pub extension: &'static str,
}

/// The metadata, built from the definitions it describes.
pub fn metadata() -> Metadata {
    Metadata {
        columns: Column::ALL
            .into_iter()
            .map(|id| ColumnInfo {
                id,
                label: id.header(),
                shown_by_default: Column::SHOWN_BY_DEFAULT.contains(&id),
                default_width: id.default_width(),
                multi_valued: id.is_multi_valued(),
            })
            .collect(),
        facets: Facet::ALL
            .into_iter()
            .map(|id| FacetInfo {
                id,
                label: id.label(),
                multi_valued: id.is_multi_valued(),
            })
            .collect(),
        list_separator: MULTI_VALUE_SEPARATOR,
        status_words: STATUS_WORDS
            .into_iter()
            .map(|(sent, shown)| StatusWord { sent, shown })
            .collect(),
        export_choices: export_choices()
            .into_iter()
            .map(|(label, help, format)| ExportChoice {
                label,
                help,
                format,
                extension: format.extension(),
            })
            .collect(),
    }
}

/// What the app's export menu offers, the one-click default first: a CSV that Excel opens on a
/// double-click showing every cell as the screen does (see export/spreadsheet_text.rs).
fn export_choices() -> [(&'static str, &'static str, ExportFormat); 6] {
    let csv = |bom, delimiter, style| {
        ExportFormat::Csv(CsvOptions {
            bom,
            delimiter,
            style,
        })
    };
    [
        (
            "CSV for Excel",
            "The default: every cell as on screen",
            csv(true, Delimiter::Comma, CsvStyle::ForPeople),
        ),
        (
            "CSV for Excel, semicolon-separated",
            "For Excel in Europe and other comma-decimal locales",
            csv(true, Delimiter::Semicolon, CsvStyle::ForPeople),
        ),
        (
            "Excel workbook (.xlsx)",
            "Bold header, filters, columns sized",
            ExportFormat::Xlsx,
        ),
        (
            "Plain CSV for scripts",
            "Values as Zoom sends them, as the command line writes",
            csv(true, Delimiter::Comma, CsvStyle::Plain),
        ),
        (
            "Plain CSV without BOM",
            "For tools that dislike Excel's marker",
            csv(false, Delimiter::Comma, CsvStyle::Plain),
        ),
        (
            "JSON",
            "Whole records, for scripts and other programs",
            ExportFormat::Json,
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_every_column_and_facet_once_in_order() {
        let m = metadata();
        let columns: Vec<Column> = m.columns.iter().map(|c| c.id).collect();
        assert_eq!(columns, Column::ALL);
        let facets: Vec<Facet> = m.facets.iter().map(|f| f.id).collect();
        assert_eq!(facets, Facet::ALL);
        let shown: Vec<Column> = m
            .columns
            .iter()
            .filter(|c| c.shown_by_default)
            .map(|c| c.id)
            .collect();
        assert_eq!(shown, Column::SHOWN_BY_DEFAULT);
        assert!(!shown.contains(&Column::UserId));
        let multi: Vec<Facet> = m
            .facets
            .iter()
            .filter(|f| f.multi_valued)
            .map(|f| f.id)
            .collect();
        assert_eq!(multi, [Facet::CallingPlan]);
    }

    #[test]
    fn the_one_click_export_is_the_csv_for_people_and_extensions_follow_formats() {
        let choices = metadata().export_choices;
        assert_eq!(
            choices[0].format,
            ExportFormat::Csv(CsvOptions {
                bom: true,
                delimiter: Delimiter::Comma,
                style: CsvStyle::ForPeople,
            })
        );
        let extensions: Vec<&str> = choices.iter().map(|c| c.extension).collect();
        assert_eq!(extensions, ["csv", "csv", "xlsx", "csv", "csv", "json"]);
    }

    #[test]
    fn serialises_as_the_page_reads_it() {
        let json = serde_json::to_value(metadata()).unwrap();
        assert_eq!(json["columns"][6]["id"], "cost_center");
        assert_eq!(json["columns"][6]["label"], "Cost Center");
        assert_eq!(json["facets"][4]["id"], "calling_plan");
        assert_eq!(json["status_words"][1]["shown"], "Inactive");
        assert_eq!(
            json["export_choices"][1]["format"]["delimiter"],
            "semicolon"
        );
    }
}
