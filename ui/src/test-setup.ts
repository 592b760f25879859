// Vitest's setup: DOM matchers (toBeInTheDocument, toHaveAccessibleName…) for every test file.
import "@testing-library/jest-dom/vitest";
