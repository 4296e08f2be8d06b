/** An example third-party Kiln tool: reports console calls left in Next.js pages and components. */
package com.example.kiln.noconsole;
