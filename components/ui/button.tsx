import type { ComponentProps } from "react";
import styles from "./button.module.css";

const VARIANT_CLASSES = {
  plain: styles.plain,
  primary: styles.primary,
  primaryOutline: styles.primaryOutline,
  danger: styles.danger,
} as const;

interface ButtonProps extends ComponentProps<"button"> {
  variant?: keyof typeof VARIANT_CLASSES;
  size?: "normal" | "small";
}

/** The control room's button; `type` defaults to "button" so a button inside a form never submits it by accident. */
export function Button({ variant = "plain", size = "normal", type = "button", className, ...props }: ButtonProps) {
  const classes = [styles.button, VARIANT_CLASSES[variant], size === "small" ? styles.small : null, className];
  return <button type={type} className={classes.filter(Boolean).join(" ")} {...props} />;
}
