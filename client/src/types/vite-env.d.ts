// Vite's types for asset imports (the stylesheet import in main.tsx).
/// <reference types="vite/client" />
