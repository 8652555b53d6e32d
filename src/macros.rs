//! Internal macros.

/// Declares a closed vocabulary enum with a stable snake_case code (serde and
/// strum agree on the spelling), a Chinese legal name and a list of all
/// variants.
///
/// `Ord` is declaration order; it is used for stable sorting and, where the
/// enum's doc says so, has legal meaning.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident => $legal:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[derive(serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[derive(strum::Display, strum::EnumString, strum::EnumIter, strum::IntoStaticStr)]
        #[serde(rename_all = "snake_case")]
        #[strum(serialize_all = "snake_case")]
        $vis enum $name { $( $(#[$vmeta])* $variant ),+ }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The Chinese legal term.
            pub const fn legal_name(self) -> &'static str {
                match self { $( $name::$variant => $legal ),+ }
            }

            /// The stable snake_case code (the `Display` form).
            pub fn code(self) -> &'static str {
                self.into()
            }
        }
    };
}
